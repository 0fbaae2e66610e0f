package com.zylker.portal.core.signin;

/** Why a sign-in did not complete, with the message shown to the person; never anything from the request. */
public enum SignInProblem {
    STATE_INVALID("This sign-in has expired or was already used",
            "For your safety each sign-in link works once, for a few minutes, in the browser that started it. Please start again."),
    DECLINED("You declined access in Zoho",
            "The portal needs that access to show your CRM and Books data. You can sign in again whenever you like."),
    FOREIGN_SERVER("The sign-in answer named an unknown Zoho server",
            "The portal only talks to the Zoho data centres it is configured for, so it refused the answer. Please start again."),
    CODE_REFUSED("Zoho did not accept the sign-in",
            "The sign-in code may have expired or been used already. Please sign in again."),
    ZOHO_UNAVAILABLE("Zoho is not answering right now",
            "Nothing was changed. Please try again in a minute."),
    ZOHO_ERROR("Zoho reported a problem with the sign-in",
            "Please try again; if it keeps happening, tell the portal team the time it happened."),
    NO_OFFLINE_ACCESS("Zoho did not grant lasting access",
            "The portal needs offline access to keep you signed in. Please sign in again and accept the consent screen."),
    NOT_ALLOWED("This Zoho account may not use the portal",
            "The staff portal is for Zylker Academy accounts only. Nothing was kept, and the access you just gave was withdrawn at Zoho. If you work for the academy, sign in with your academy account."),
    BLOCKED("Your access to the portal has been withdrawn",
            "An administrator has blocked this account. Nothing was kept, and the access you just gave was withdrawn at Zoho. Ask the portal team if you think this is a mistake."),
    PORTAL_UNAVAILABLE("The portal could not finish your sign-in",
            "Something on our side is unavailable right now; nothing was saved. Please try again in a minute.");

    private final String title;
    private final String advice;

    SignInProblem(String title, String advice) {
        this.title = title;
        this.advice = advice;
    }

    public String getTitle() {
        return title;
    }

    public String getAdvice() {
        return advice;
    }
}
