package com.zylker.portal.web.admin;

import com.zylker.portal.core.admin.AuditAction;
import com.zylker.portal.core.admin.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code /admin/audit} ↔ {@code admin/audit.xhtml}: the audit trail, filtered by action and person (URL parameters). */
@Named
@RequestScoped
public class AdminAuditView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    AuditTrail audit;

    private String action;
    private String who;
    private AuditLazyModel model;

    public AuditLazyModel getModel() {
        if (model == null) {
            model = new AuditLazyModel(audit, parsedAction(), who == null || who.isBlank() ? null : who);
        }
        return model;
    }

    public List<String> getActions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    public String label(String action) {
        return action == null ? "" : action.charAt(0) + action.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private AuditAction parsedAction() {
        return Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who == null || who.length() > 100 ? null : who;
    }
}
