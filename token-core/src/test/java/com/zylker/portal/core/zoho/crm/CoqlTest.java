package com.zylker.portal.core.zoho.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoqlTest {

    @Test
    void quotesAreDoubledSoAValueCannotEndTheLiteral() {
        assertThat(Coql.literal("O'Neil' or Stage != '")).isEqualTo("'O''Neil'' or Stage != '''");
    }

    @Test
    void controlCharactersAndNonIdsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Coql.literal("a\nb"));
        assertThatIllegalArgumentException().isThrownBy(() -> Coql.id("1 or 1=1"));
    }

    @Test
    void moreThanTwoCriteriaAreBracketedInPairs() {
        assertThat(Coql.and(List.of("a = 1", "b = 2", "c = 3"))).isEqualTo("((a = 1 and b = 2) and c = 3)");
        assertThat(Coql.and(List.of("a = 1"))).isEqualTo("a = 1");
    }

    @Test
    void manyValuesAreOneCriterion() {
        assertThat(Coql.in("Stage", List.of("Qualification", "Needs Analysis")))
                .isEqualTo("Stage in ('Qualification', 'Needs Analysis')");
    }
}
