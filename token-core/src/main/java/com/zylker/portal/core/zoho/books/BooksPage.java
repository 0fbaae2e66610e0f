package com.zylker.portal.core.zoho.books;

import java.util.List;

/** One page of a Books list, with its {@code page_context}. */
public record BooksPage<T>(List<T> items, int page, int perPage, boolean hasMorePage) {

    public BooksPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
