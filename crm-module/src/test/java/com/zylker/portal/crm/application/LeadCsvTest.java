package com.zylker.portal.crm.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadCsvTest {

    @Test
    void formulasFromZohoAreDefusedAndQuotesDoubled() {
        StringWriter out = new StringWriter();

        LeadCsv.row(out, new LeadRow("1", "=HYPERLINK(\"http://x\")", "O'Brien, Jr", "@evil", "+91 1", null, null,
                "Contacted", null, null, null, Instant.parse("2025-01-06T09:00:00Z"), null));

        assertThat(out.toString()).isEqualTo("1,\"'=HYPERLINK(\"\"http://x\"\")\",\"O'Brien, Jr\",'@evil,'+91 1,,,,Contacted,,"
                + "2025-01-06T09:00:00Z,\r\n");
    }

    @Test
    void theHeaderNamesEveryColumn() {
        StringWriter out = new StringWriter();

        LeadCsv.header(out);

        assertThat(out.toString()).startsWith("Id,First name,Last name,Email").endsWith("Created,Modified\r\n");
    }
}
