package com.zylker.portal.core.zoho.crm;

import java.time.Instant;

/** A CRM lead as the leads table shows it. Everything but {@code id} may be {@code null}. */
public record Lead(String id, String firstName, String lastName, String email, String phone, String company,
                   String leadSource, String leadStatus, Instant createdTime) {
}
