package com.zylker.portal.books.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JSON under {@code /books/api} for pages that load it after rendering. */
@ApplicationPath("api")
public class BooksApi extends Application {
}
