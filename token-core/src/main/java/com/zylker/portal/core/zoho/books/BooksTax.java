package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;

/** One tax of an invoice ({@code taxes[]}): its name with the rate, and the amount. */
public record BooksTax(String name, BigDecimal amount) implements java.io.Serializable {
}
