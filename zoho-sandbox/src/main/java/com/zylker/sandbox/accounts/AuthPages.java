package com.zylker.sandbox.accounts;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.web.Html;

/**
 * The server-rendered sign-in, consent and error pages. The OAuth request rides along in hidden fields so no
 * HTTP session is needed; element ids ({@code user-priya-raman}, {@code consent-accept}) are stable for
 * browser tests.
 */
public final class AuthPages {

    private AuthPages() {
    }

    public static String signIn(String base, DataCenter dc, AuthorizationRequest request) {
        StringBuilder users = new StringBuilder();
        for (DemoUser u : DemoUsers.SIGN_IN) {
            users.append("<button type=\"submit\" name=\"user\" value=\"").append(Html.escape(u.email()))
                    .append("\" id=\"").append(Html.escape(u.buttonId())).append("\">")
                    .append(Html.escape(u.displayName()))
                    .append("<small>").append(Html.escape(u.email())).append(" · ").append(Html.escape(u.role()))
                    .append(" · data centre ").append(Html.escape(u.dc().id())).append("</small></button>\n");
        }
        String body = "<p class=\"muted\">Sign in to continue to <strong>" + Html.escape(request.clientId())
                + "</strong>. Pick a demo user; there are no passwords in the sandbox.</p>\n"
                + "<form method=\"post\" action=\"" + Html.escape(dc.accountsUrl(base)) + "/oauth/v2/auth/signin\">\n"
                + hiddenFields(request)
                + "<div class=\"users\">\n" + users + "</div>\n</form>\n"
                + "<p class=\"muted\">Accounts server: " + Html.escape(dc.accountsUrl(base)) + "</p>";
        return Html.page("Sign in", body);
    }

    /** Posted to the user's own DC, where Zoho would have moved the browser by now. */
    public static String consent(String base, DemoUser user, AuthorizationRequest request) {
        StringBuilder scopes = new StringBuilder();
        for (String s : request.scopes()) {
            scopes.append("<li>").append(Html.escape(s)).append("</li>");
        }
        String body = "<p><strong>" + Html.escape(request.clientId()) + "</strong> would like to access your Zoho"
                + " data with these permissions:</p>\n<ul class=\"scopes\">" + scopes + "</ul>\n"
                + "<p class=\"muted\">Signed in as " + Html.escape(user.displayName()) + " ("
                + Html.escape(user.email()) + "), data centre " + Html.escape(user.dc().id()) + ". Access type: "
                + Html.escape(request.accessType()) + ".</p>\n"
                + "<form method=\"post\" action=\"" + Html.escape(user.dc().accountsUrl(base))
                + "/oauth/v2/auth/consent\">\n" + hiddenFields(request) + Html.hidden("user", user.email())
                + "<div class=\"actions\">"
                + "<button type=\"submit\" class=\"accept\" name=\"decision\" value=\"accept\" id=\"consent-accept\">Accept</button>"
                + "<button type=\"submit\" class=\"deny\" name=\"decision\" value=\"deny\" id=\"consent-deny\">Deny</button>"
                + "</div>\n</form>";
        return Html.page("Allow access?", body);
    }

    public static String error(String title, String message) {
        return Html.page(title, "<div class=\"error\"><p>" + Html.escape(message) + "</p></div>"
                + "<p class=\"muted\">The request was not sent back to the application.</p>");
    }

    private static String hiddenFields(AuthorizationRequest r) {
        return Html.hidden("response_type", "code") + Html.hidden("client_id", r.clientId())
                + Html.hidden("scope", r.scopeParam()) + Html.hidden("redirect_uri", r.redirectUri())
                + Html.hidden("access_type", r.accessType()) + Html.hidden("prompt", r.prompt())
                + (r.state() == null ? "" : Html.hidden("state", r.state())) + "\n";
    }
}
