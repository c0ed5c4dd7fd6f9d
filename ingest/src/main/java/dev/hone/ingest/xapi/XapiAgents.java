package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an xAPI Agent names a Hone learner: {@code account.name} is the learner id as it is;
 * {@code mbox} {@code mailto:ada@example.com} is the learner {@code ada@example.com}. Groups,
 * {@code mbox_sha1sum} and {@code openid} name no Hone learner.
 */
final class XapiAgents {

    static final String RULE = "must be an Agent identified by account.name or mbox (mailto:...)";

    private XapiAgents() {
    }

    /** The learner id the agent names, or null if it names none. (Its shape is checked with the answer.) */
    static String learnerId(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return null;
        }
        JsonNode type = agent.get("objectType");
        if (type != null && !"Agent".equals(type.asText())) {
            return null;
        }
        JsonNode account = agent.get("account");
        JsonNode mbox = agent.get("mbox");
        if (account != null && mbox == null && account.path("name").isTextual()) {
            return account.path("name").asText();
        }
        if (mbox != null && account == null && mbox.isTextual() && mbox.asText().startsWith("mailto:")) {
            return mbox.asText().substring("mailto:".length());
        }
        return null;
    }
}
