package com.zylker.portal.books.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.zoho.books.BooksEmailContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailFormTest {

    @Test
    void booksPrefillBecomesEditableTextAndGoesBackEscaped() {
        EmailForm f = EmailForm.from(new BooksEmailContent(List.of(
                new BooksEmailContent.Recipient("a@example.com", "A", true),
                new BooksEmailContent.Recipient("b@example.com", "B", false)),
                "Invoice - INV-1", "Dear Acme <img src=x onerror=alert('books')> Ltd,<br><br>Tom &amp; Jerry"));

        assertThat(f.getTo()).isEqualTo("a@example.com");
        assertThat(f.getBody()).isEqualTo("Dear Acme  Ltd,\n\nTom & Jerry");
        f.setBody("Fees <b>due</b>\nThanks & bye");
        assertThat(f.htmlBody()).isEqualTo("Fees &lt;b&gt;due&lt;/b&gt;<br>Thanks &amp; bye");
    }
}
