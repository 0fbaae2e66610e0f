package com.zylker.portal.core.zoho.crm;

/**
 * One value of a picklist. For Deals' Stage, CRM also says where it sits in the pipeline
 * ({@code sequenceNumber}), its default {@code probability} (0–100) and {@code forecastType}
 * ({@code Open}, {@code Closed Won}, {@code Closed Lost}); those are {@code null} for other picklists.
 */
public record CrmPicklistValue(String displayValue, String actualValue, Integer sequenceNumber, Integer probability,
                               String forecastType) {

    public boolean closed() {
        return forecastType != null && forecastType.toLowerCase(java.util.Locale.ROOT).startsWith("closed");
    }

    public boolean won() {
        return "closed won".equalsIgnoreCase(forecastType);
    }
}
