package com.zylker.portal.crm.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.crm.CrmField;
import com.zylker.portal.core.zoho.crm.CrmPicklistValue;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The Deals pipeline's stages, in order, with their probability and forecast type — data from CRM's field
 * metadata, never a constant, since each organization edits its own. Cached per data centre for
 * {@value #TTL_MINUTES} minutes: the portal serves one organization per data centre, and stages change rarely.
 */
@ApplicationScoped
public class PipelineStages {

    static final int TTL_MINUTES = 10;

    @Inject
    ZohoCrmClient crm;

    @Inject
    Clock clock;

    /** What the board and the summary need of the Deals fields. */
    record DealFields(List<CrmPicklistValue> stages, boolean multiCurrency) {
    }

    private ShortCache<String, DealFields> cache;

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofMinutes(TTL_MINUTES), 100, clock);
    }

    /** Every stage in pipeline order (by {@code sequence_number}). */
    public List<CrmPicklistValue> stages(String user, String dataCentre) {
        return fields(user, dataCentre).stages();
    }

    /** Whether deals carry their own {@code Currency} (the field exists only when multi-currency is on). */
    public boolean multiCurrency(String user, String dataCentre) {
        return fields(user, dataCentre).multiCurrency();
    }

    private DealFields fields(String user, String dataCentre) {
        return cache.get(dataCentre, () -> {
            List<CrmField> fields = crm.fields(user, "Deals");
            List<CrmPicklistValue> stages = fields.stream()
                    .filter(f -> "Stage".equals(f.apiName()))
                    .findFirst()
                    .map(CrmField::picklistValues)
                    .orElse(List.of())
                    .stream()
                    .filter(v -> v.actualValue() != null && !v.actualValue().isBlank())
                    .sorted(Comparator.comparing(v -> v.sequenceNumber() == null ? Integer.MAX_VALUE : v.sequenceNumber()))
                    .toList();
            return new DealFields(stages, fields.stream().anyMatch(f -> "Currency".equals(f.apiName())));
        });
    }
}
