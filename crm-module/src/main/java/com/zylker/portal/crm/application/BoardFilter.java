package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * What the board shows: the user's deals or everyone's, closing this month / this quarter / any time (in the
 * organization's time zone), and deal names containing a text. Read from the URL, so a view can be
 * bookmarked and shared; unknown values fall back to the defaults rather than failing.
 */
public record BoardFilter(boolean mine, Period period, String search) implements Serializable {

    public static final int MAX_SEARCH = 100;

    public enum Period {
        ANY, MONTH, QUARTER;

        static Period parse(String text) {
            if (text == null) {
                return ANY;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "month" -> MONTH;
                case "quarter" -> QUARTER;
                default -> ANY;
            };
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BoardFilter {
        period = period == null ? Period.ANY : period;
        search = search == null ? null : search.replaceAll("\\p{Cntrl}", " ").strip();
        search = search == null || search.isEmpty() ? null : search;
        if (search != null && search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
    }

    /** From the URL's {@code owner=mine|all}, {@code closing=month|quarter|any}, {@code q=…}. */
    public static BoardFilter of(String owner, String closing, String q) {
        return new BoardFilter(!"all".equalsIgnoreCase(owner == null ? "" : owner.strip()), Period.parse(closing), q);
    }

    /** First and last day of the period that contains {@code today} in {@code zone}; {@code null} for any time. */
    public LocalDate[] range(LocalDate today) {
        return switch (period) {
            case ANY -> null;
            case MONTH -> new LocalDate[] {today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())};
            case QUARTER -> {
                LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
            }
        };
    }

    static LocalDate today(java.time.Clock clock, String timeZone) {
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? java.time.ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            zone = java.time.ZoneOffset.UTC;
        }
        return LocalDate.now(clock.withZone(zone));
    }
}
