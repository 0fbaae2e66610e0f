package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksEmailContent;
import java.io.Serializable;
import java.util.stream.Collectors;

/** The email dialog, prefilled from Books' email content and editable: recipients (comma-separated), subject, text. */
public class EmailForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String to = "";
    private String subject = "";
    private String body = "";

    public static EmailForm from(BooksEmailContent content) {
        EmailForm f = new EmailForm();
        f.to = content.recipients().stream().filter(BooksEmailContent.Recipient::selected)
                .map(BooksEmailContent.Recipient::email).filter(e -> e != null && !e.isBlank())
                .collect(Collectors.joining(", "));
        f.subject = content.subject() == null ? "" : content.subject();
        // Books' body is HTML; edited here as text, line breaks kept.
        f.body = content.body() == null ? "" : decode(content.body().replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", ""));
        return f;
    }

    /** The edited text as the HTML Books sends: escaped, line breaks kept. */
    public String htmlBody() {
        String b = body == null ? "" : body;
        return b.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
