package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal (an enrolment) on the board. Text is CRM's, untrusted: pages render it escaped. {@code modifiedTime}
 * goes back as {@code If-Unmodified-Since}, so a move never overwrites a change made by someone else.
 */
public record DealCard(String id, String name, String account, BigDecimal amount, String currency,
                       LocalDate closingDate, boolean pastDue, String owner, Integer probability, String stage,
                       Instant modifiedTime, String pipeline, String zohoUrl) implements Serializable {

    public DealCard withStage(String newStage, Instant newModifiedTime) {
        return new DealCard(id, name, account, amount, currency, closingDate, pastDue, owner, probability, newStage,
                newModifiedTime == null ? modifiedTime : newModifiedTime, pipeline, zohoUrl);
    }

    /** The deal's amount × its own probability. */
    public BigDecimal weighted() {
        if (amount == null || probability == null) {
            return BigDecimal.ZERO;
        }
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 2,
                java.math.RoundingMode.HALF_UP);
    }
}
