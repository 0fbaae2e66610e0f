package com.zylker.sandbox.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.escape("<script>alert('x')</script>&\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    }

    @Test
    void hiddenFieldCannotBreakOutOfItsAttribute() {
        assertThat(Html.hidden("state", "\"><img src=x>")).doesNotContain("\"><img");
    }
}
