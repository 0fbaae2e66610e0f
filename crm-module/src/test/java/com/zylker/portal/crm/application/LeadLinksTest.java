package com.zylker.portal.crm.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.config.PortalConfig;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class LeadLinksTest {

    @Test
    void theUsersDataCentreChoosesTheHostAndConfigurationOverridesIt() {
        LeadLinks links = new LeadLinks(config(Map.of("zoho.dc.eu.crm-url", "https://crm.example.eu/")));

        assertThat(links.inZohoCrm("com", "5725767000000411001")).contains("https://crm.zoho.com/crm/tab/Leads/5725767000000411001");
        assertThat(links.inZohoCrm("eu", "42")).contains("https://crm.example.eu/crm/tab/Leads/42");
        assertThat(links.inZohoCrm("mars", "42")).isEmpty();
    }

    @Test
    void neitherAScriptBaseNorAForeignIdBecomesALink() {
        LeadLinks links = new LeadLinks(config(Map.of("zoho.dc.com.crm-url", "javascript:alert(1)//")));

        assertThat(links.inZohoCrm("com", "42")).isEmpty();
        assertThat(new LeadLinks(config(Map.of())).inZohoCrm("com", "42\"><script>")).isEmpty();
    }

    private static PortalConfig config(Map<String, String> values) {
        Config config = (Config) java.lang.reflect.Proxy.newProxyInstance(LeadLinksTest.class.getClassLoader(),
                new Class<?>[] {Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return java.util.Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PortalConfig(config);
    }
}
