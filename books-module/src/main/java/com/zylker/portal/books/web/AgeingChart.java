package com.zylker.portal.books.web;

import com.zylker.portal.books.application.AgeingSummary;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ageing buckets of one currency as an SVG bar chart's geometry (the page draws it; no script): bar
 * heights proportional to the amounts, the tallest {@value #HEIGHT} units.
 */
public final class AgeingChart {

    static final int HEIGHT = 120;
    static final int BAR = 64;
    static final int GAP = 28;

    /** One bar: label, amount, count, x, y and height in the SVG's units, colour class. */
    public record Bar(String label, BigDecimal amount, int count, int x, int y, int height, String tone)
            implements Serializable {
    }

    private AgeingChart() {
    }

    public static List<Bar> bars(AgeingSummary.CurrencyFigures figures) {
        BigDecimal max = figures.buckets().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> out = new ArrayList<>();
        String[] tones = {"books-bar-current", "books-bar-1", "books-bar-2", "books-bar-3", "books-bar-4"};
        for (int i = 0; i < figures.buckets().size(); i++) {
            BigDecimal amount = figures.buckets().get(i);
            int h = max.signum() == 0 ? 0 : amount.multiply(BigDecimal.valueOf(HEIGHT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            if (amount.signum() > 0 && h < 2) {
                h = 2;
            }
            out.add(new Bar(AgeingSummary.BUCKETS.get(i), amount, figures.bucketCounts().get(i), 20 + i * (BAR + GAP),
                    20 + HEIGHT - h, h, tones[i]));
        }
        return out;
    }

    public static int width() {
        return 40 + 5 * BAR + 4 * GAP;
    }
}
