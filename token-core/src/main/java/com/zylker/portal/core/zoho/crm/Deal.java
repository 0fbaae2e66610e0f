package com.zylker.portal.core.zoho.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A CRM deal (an enrolment) as the screens show it. Everything but {@code id} may be {@code null};
 * {@code probability} is the deal's own (0–100), {@code currency} an ISO code when the org has several,
 * {@code modifiedTime} what {@code If-Unmodified-Since} is checked against.
 */
public record Deal(String id, String name, String stage, BigDecimal amount, LocalDate closingDate,
                   String accountName, String ownerName, String ownerEmail, Integer probability,
                   String ownerId, String currency, String pipeline, Instant modifiedTime) {
}
