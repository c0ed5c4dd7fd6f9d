package dev.hone.ingest.xapi;

/** The xAPI 1.0.3 names Hone speaks. */
final class Xapi {

    static final String VERSION = "1.0.3";
    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    /** xAPI's separator of the items of a choice interaction's response, e.g. "a[,]c". */
    static final String ITEM_SEPARATOR = "[,]";

    private Xapi() {
    }
}
