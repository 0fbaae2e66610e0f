package com.zylker.portal.crm.application;

import java.io.Serializable;

/**
 * What opening the leads screen needs besides the table's page: the picklists, and the lead named in the URL
 * ({@code ?id=…}; {@code null} when none was asked for or CRM has none with that id — see {@code missing}).
 */
public record LeadsScreen(LeadPicklists picklists, LeadRow selected, boolean missing) implements Serializable {
}
