package com.zylker.portal.crm.application;

import java.math.BigDecimal;

/**
 * One stage of the pipeline with the deals in it: how many, their amount, and their weighted amount (each
 * deal's amount × its own Probability). {@code probability} and {@code forecastType} are the stage's, from
 * CRM's field metadata.
 */
public record StageTotal(String stage, Integer probability, String forecastType, int count, BigDecimal amount,
                         BigDecimal weighted) {
}
