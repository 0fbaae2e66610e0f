package com.zylker.sandbox.web;

/**
 * Minimal HTML building for the sign-in, consent and error pages. Everything printed goes through
 * {@link #escape}: the pages echo request parameters (state, scopes, redirect URI), which an attacker controls.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /** A whole page in the sandbox's plain look, with the "local stand-in" label nobody can miss. */
    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Zoho sandbox (local stand-in)</title>
                <style>
                  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f6f9;
                         color: #1f2933; margin: 0; }
                  .banner { background: #7a3e00; color: #fff; padding: .5rem 1rem; font-size: .9rem; }
                  main { max-width: 32rem; margin: 2.5rem auto; background: #fff; border-radius: 8px;
                         box-shadow: 0 1px 4px rgba(0,0,0,.12); padding: 1.5rem 2rem; }
                  h1 { font-size: 1.35rem; margin-top: 0; }
                  ul.scopes { padding-left: 1.2rem; } ul.scopes li { margin: .2rem 0; font-family: monospace; }
                  .users button { display: block; width: 100%%; text-align: left; margin: .4rem 0; padding: .7rem 1rem;
                          border: 1px solid #cbd2d9; border-radius: 6px; background: #fff; cursor: pointer; font-size: 1rem; }
                  .users button:hover, .users button:focus { border-color: #226ce0; background: #eef4ff; }
                  .users small { display: block; color: #52606d; }
                  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
                  .actions button { padding: .6rem 1.4rem; border-radius: 6px; border: 1px solid #226ce0;
                          font-size: 1rem; cursor: pointer; }
                  .accept { background: #226ce0; color: #fff; } .deny { background: #fff; color: #226ce0; }
                  .error { border-left: 4px solid #c62828; padding-left: 1rem; }
                  .muted { color: #52606d; font-size: .9rem; }
                </style>
                </head>
                <body>
                <div class="banner">Zoho sandbox (local stand-in) — not the real Zoho; for development, demos and tests</div>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }
}
