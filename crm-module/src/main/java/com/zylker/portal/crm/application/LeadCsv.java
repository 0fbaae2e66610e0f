package com.zylker.portal.crm.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Leads as CSV (RFC 4180: comma, CRLF, quotes doubled). Zoho's data is untrusted here too: a cell starting with
 * {@code = + - @}, a tab or a carriage return would run as a formula in a spreadsheet, so it gets a leading
 * apostrophe (the OWASP advice for CSV injection).
 */
public final class LeadCsv {

    static final List<String> HEADER = List.of("Id", "First name", "Last name", "Email", "Phone", "Company",
            "Course of interest", "Lead source", "Lead status", "Owner", "Created", "Modified");

    private LeadCsv() {
    }

    public static void header(Writer out) {
        line(out, HEADER);
    }

    public static void row(Writer out, LeadRow lead) {
        line(out, java.util.Arrays.asList(lead.id(), lead.firstName(), lead.lastName(), lead.email(), lead.phone(),
                lead.company(), lead.courseOfInterest(), lead.leadSource(), lead.leadStatus(), lead.owner(),
                time(lead.createdTime()), time(lead.modifiedTime())));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
