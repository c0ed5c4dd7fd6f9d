package dev.hone.recommender.streams;

import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerStoreRocksDbConfigTests {

    @Test
    void theLearnerStoreGetsAWholeKeyMemtableFilterAndOtherStoresKeepTheDefaults() {
        var config = new LearnerStoreRocksDbConfig();
        try (var learner = new Options(); var items = new Options()) {
            config.setConfig(RecommenderTopology.LEARNER_STORE, learner, Map.of());
            config.setConfig(RecommenderTopology.ITEM_STATS_STORE, items, Map.of());

            assertThat(learner.memtableWholeKeyFiltering()).isTrue();
            assertThat(learner.memtablePrefixBloomSizeRatio()).isEqualTo(LearnerStoreRocksDbConfig.MEMTABLE_FILTER_RATIO);
            assertThat(items.memtableWholeKeyFiltering()).isFalse();
            assertThat(items.memtablePrefixBloomSizeRatio()).isZero();
        }
    }
}
