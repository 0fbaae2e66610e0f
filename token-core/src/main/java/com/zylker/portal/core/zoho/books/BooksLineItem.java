package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;

/** A line of an invoice as Books stores it; {@code discount} in percent, {@code itemTotal} before tax. */
public record BooksLineItem(String name, String description, BigDecimal rate, BigDecimal quantity,
                            BigDecimal discount, String taxName, BigDecimal taxPercentage, BigDecimal itemTotal) implements java.io.Serializable {
}
