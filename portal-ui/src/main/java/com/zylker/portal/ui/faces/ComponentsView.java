package com.zylker.portal.ui.faces;

import com.zylker.portal.ui.Moneys;
import com.zylker.portal.ui.StatusBadges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Locale;

/** {@code #{zylkerComponents}}: what the composite components in {@code zylker/} compute, in the view's locale. */
@Named("zylkerComponents")
@ApplicationScoped
public class ComponentsView {

    public String money(BigDecimal amount, String currency) {
        return Moneys.format(amount, currency, locale());
    }

    public String badgeClass(String status) {
        return StatusBadges.cssClass(status);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }
}
