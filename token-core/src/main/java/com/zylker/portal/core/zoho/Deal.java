package com.zylker.portal.core.zoho;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A CRM deal as the pipeline board shows it. Everything but {@code id} may be {@code null}. */
public record Deal(String id, String name, String stage, BigDecimal amount, LocalDate closingDate,
                   String accountName, String ownerName, String ownerEmail, Integer probability) {
}
