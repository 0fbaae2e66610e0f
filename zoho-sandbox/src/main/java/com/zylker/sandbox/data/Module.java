package com.zylker.sandbox.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM modules the sandbox serves, with the fields Zoho refuses to create a record without
 * ({@code MANDATORY_NOT_FOUND}). Module API names are matched case-insensitively, as Zoho does.
 */
public enum Module {
    LEADS("Leads", List.of("Last_Name"), 100_000L, List.of("Email"),
            Map.of("Last_Name", 80, "First_Name", 40, "Company", 200)),
    CONTACTS("Contacts", List.of("Last_Name"), 300_000L, List.of("Email"), Map.of("Last_Name", 80, "First_Name", 40)),
    // Pipeline is mandatory because the sandbox's orgs have pipelines enabled, as Zoho's do by default.
    DEALS("Deals", List.of("Deal_Name", "Stage", "Pipeline"), 500_000L, List.of("Deal_Name"), Map.of("Deal_Name", 120));

    private final String apiName;
    private final List<String> mandatory;
    private final long idBlock;
    private final List<String> uniqueFields;
    private final Map<String, Integer> maxLengths;

    Module(String apiName, List<String> mandatory, long idBlock, List<String> uniqueFields,
           Map<String, Integer> maxLengths) {
        this.apiName = apiName;
        this.mandatory = mandatory;
        this.idBlock = idBlock;
        this.uniqueFields = uniqueFields;
        this.maxLengths = maxLengths;
    }

    /**
     * Fields a plain insert always checks for duplicates (Leads' and Contacts' Email are Zoho system checks);
     * for Deals, where Zoho has none, only the upsert default.
     */
    public List<String> uniqueFields() {
        return this == DEALS ? List.of() : uniqueFields;
    }

    /** The default {@code duplicate_check_fields} of upsert. */
    public List<String> upsertFields() {
        return uniqueFields;
    }

    public Map<String, Integer> maxLengths() {
        return maxLengths;
    }

    public String apiName() {
        return apiName;
    }

    public List<String> mandatoryFields() {
        return mandatory;
    }

    /** Offset of this module's ids inside an org's id space, so ids never collide across modules. */
    long idBlock() {
        return idBlock;
    }

    public static Optional<Module> byApiName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.apiName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
