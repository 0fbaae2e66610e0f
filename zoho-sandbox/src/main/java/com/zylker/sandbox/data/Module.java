package com.zylker.sandbox.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CRM modules the sandbox serves, with the fields Zoho refuses to create a record without
 * ({@code MANDATORY_NOT_FOUND}). Module API names are matched case-insensitively, as Zoho does.
 */
public enum Module {
    LEADS("Leads", List.of("Last_Name"), 100_000L),
    CONTACTS("Contacts", List.of("Last_Name"), 300_000L),
    DEALS("Deals", List.of("Deal_Name", "Stage"), 500_000L);

    private final String apiName;
    private final List<String> mandatory;
    private final long idBlock;

    Module(String apiName, List<String> mandatory, long idBlock) {
        this.apiName = apiName;
        this.mandatory = mandatory;
        this.idBlock = idBlock;
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
