package com.zylker.portal.crm.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.zoho.crm.CrmSearch;
import org.junit.jupiter.api.Test;

class LeadQueryTest {

    @Test
    void whatAUrlCarriesIsNormalised() {
        LeadQuery q = LeadQuery.of("  ", " meera ", "nonsense", "sideways");

        assertThat(q.status()).isNull();
        assertThat(q.text()).isEqualTo("meera");
        assertThat(q.sort()).isEqualTo(LeadQuery.Sort.CREATED);
        assertThat(q.ascending()).isFalse();
        assertThat(LeadQuery.of(null, "x".repeat(500), null, null).text()).hasSize(LeadQuery.MAX_TEXT);
    }

    @Test
    void theUnfilteredListIsNoSearchAndIsSorted() {
        assertThat(LeadQuery.of(null, null, "modified", "asc").search()).isEmpty();
        assertThat(LeadQuery.of(null, null, "modified", "asc").sorted()).isTrue();
        assertThat(LeadQuery.of("Contacted", null, "modified", "asc").sorted()).isFalse();
    }

    @Test
    void anEmailIsAnEmailSearchAndAStatusACriteria() {
        assertThat(LeadQuery.of(null, "ana@example.org", null, null).search()).contains(CrmSearch.email("ana@example.org"));
        assertThat(LeadQuery.of("Junk Lead", null, null, null).search())
                .contains(CrmSearch.criteria("(Lead_Status:equals:Junk Lead)"));
    }
}
