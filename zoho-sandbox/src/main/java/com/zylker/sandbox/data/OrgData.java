package com.zylker.sandbox.data;

import com.zylker.sandbox.core.DataCenter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data centre's CRM org: its records per module, each a field-name → value map as Zoho serialises it.
 * Maps instead of classes because CRM is field-driven: clients choose {@code fields}, add custom ones and
 * update any subset, and the sandbox has to echo exactly that. Not thread-safe by itself: {@code CrmService}
 * serialises access per org.
 */
public final class OrgData {

    private final DataCenter dc;
    private final long idBase;
    private final Map<Module, Map<String, Map<String, Object>>> records = new EnumMap<>(Module.class);
    private final Map<Module, Long> nextSeq = new EnumMap<>(Module.class);

    public OrgData(DataCenter dc, long idBase) {
        this.dc = dc;
        this.idBase = idBase;
        for (Module m : Module.values()) {
            records.put(m, new LinkedHashMap<>());
            nextSeq.put(m, 1L);
        }
    }

    public DataCenter dc() {
        return dc;
    }

    /** Zoho-like ids: long numbers sent as strings, unique per org. */
    public String nextId(Module module) {
        long seq = nextSeq.merge(module, 1L, Long::sum) - 1;
        return Long.toString(idBase + module.idBlock() + seq * 7 + 1);
    }

    /** The module's id in this org ({@code duplicate_record.module.id}, {@code /settings/modules}). */
    public String moduleId(Module module) {
        return Long.toString(idBase + 90_000L + module.ordinal() * 7L + 3);
    }

    /** The id of the module's only layout ("Standard"), the {@code layout_id} of {@code /settings/pipeline}. */
    public String layoutId(Module module) {
        return Long.toString(idBase + 91_000L + module.ordinal() * 7L + 5);
    }

    /** Ids in this org's id space for metadata (picklist values, pipelines, org): stable across resets. */
    public String metadataId(int n) {
        return Long.toString(idBase + 92_000L + n * 7L + 1);
    }

    public long idBase() {
        return idBase;
    }

    public void add(Module module, Map<String, Object> record) {
        records.get(module).put((String) record.get("id"), record);
    }

    public Optional<Map<String, Object>> find(Module module, String id) {
        return Optional.ofNullable(records.get(module).get(id));
    }

    public List<Map<String, Object>> all(Module module) {
        return new ArrayList<>(records.get(module).values());
    }

    public int count(Module module) {
        return records.get(module).size();
    }
}
