package com.zylker.portal.ui.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * {@code #{zylkerNotice}}: a notice the layout shows above the page for this request, with a link — a growl
 * message cannot carry one without unescaped HTML. Set when Zoho asks for consent to more access.
 */
@Named("zylkerNotice")
@RequestScoped
public class NoticeView {

    private String message;
    private String signInAgainUrl;

    public void signInAgain(String message, String signInUrl) {
        this.message = message;
        this.signInAgainUrl = signInUrl;
    }

    public String getMessage() {
        return message;
    }

    public String getSignInAgainUrl() {
        return signInAgainUrl;
    }

    public boolean isShown() {
        return signInAgainUrl != null;
    }
}
