package dev.hone.model.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hone.model.IdIndex;
import org.junit.jupiter.api.Test;

class ItemEstimateTests {

    @Test
    void aSurprisingCorrectAnswerMakesTheItemEasierByAShrinkingStep() {
        ItemEstimate item = new ItemEstimate(0, 1, 0);

        item.observe(0.5, 1);

        // gain = v / (1 + p(1-p) v) = 1 / 1.25; difficulty -= 0.8 * 0.5
        assertThat(item.difficulty()).isCloseTo(-0.4, within(1e-12));
        assertThat(item.variance()).isCloseTo(0.8, within(1e-12));
        assertThat(item.answers()).isEqualTo(1);
    }

    @Test
    void aWellCalibratedItemHardlyMoves() {
        ItemEstimate item = new ItemEstimate(0.3, 0.01, 400);

        item.observe(0.5, 1);

        assertThat(item.difficulty()).isCloseTo(0.3 - 0.005, within(1e-4));
    }

    @Test
    void theCatalogDifficultyIsThePriorOfANewItem() {
        ItemBank bank = new ItemBank(new IdIndex(), 1);

        ItemEstimate hard = bank.withCatalogPrior("q-hard", 5);
        ItemEstimate easy = bank.withCatalogPrior("q-easy", 1);

        assertThat(hard.difficulty()).isEqualTo(1.0);
        assertThat(easy.difficulty()).isEqualTo(-1.0);
        assertThat(bank.get("q-hard")).isSameAs(hard);
    }

    @Test
    void anEstimateSurvivesItsByteForm() {
        ItemEstimate item = new ItemEstimate(0.25, 0.5, 12);

        ItemEstimate back = ItemEstimate.fromBytes(item.toBytes());

        assertThat(back.difficulty()).isEqualTo(0.25);
        assertThat(back.variance()).isEqualTo(0.5);
        assertThat(back.answers()).isEqualTo(12);
    }
}
