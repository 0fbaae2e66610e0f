package com.zylker.sandbox.books;

import java.time.Clock;

public final class BooksService {
    private final Clock clock;

    public BooksService(Clock clock) {
        this.clock = clock;
    }

    public void reset() {
    }

    public void resetRateWindows() {
    }

    public java.util.Map<String, Object> stateSummary() {
        return java.util.Map.of();
    }
}
