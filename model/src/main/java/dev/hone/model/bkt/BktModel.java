package dev.hone.model.bkt;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.Mastery;
import dev.hone.model.Params;
import dev.hone.model.internal.ByteReader;
import dev.hone.model.internal.ByteWriter;
import dev.hone.model.item.ItemEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bayesian knowledge tracing with forgetting: a hidden known/unknown state per skill, a guess and a slip
 * probability, learning and forgetting after each answer, all per skill (skills without fitted parameters
 * use the pooled fit). A multi-skill item updates each skill on the same answer; its prediction is the mean
 * of the skills' predictions. No item difficulty.
 */
public final class BktModel implements LearnerModel {

    public static final String NAME = "bkt";
    private static final int FORMAT = 1;
    static final BktSkill DEFAULT = new BktSkill(0.5, 0.1, 0.2, 0.1, 0.0);

    private final IdIndex skills;
    private final BktSkill pooled;
    private final Map<String, BktSkill> bySkillName;
    private final List<BktSkill> bySkill = new ArrayList<>();

    public BktModel(IdIndex skills, BktSkill pooled, Map<String, BktSkill> bySkillName) {
        this.skills = skills;
        this.pooled = pooled;
        this.bySkillName = new TreeMap<>(bySkillName);
    }

    public static BktModel fromParams(Params params, IdIndex skills) {
        BktSkill pooled = params.has(NAME + ".pooled") ? BktSkill.parse(params.get(NAME + ".pooled")) : DEFAULT;
        Map<String, BktSkill> bySkill = new TreeMap<>();
        params.withPrefix(NAME + ".skill.").forEach((k, v) -> bySkill.put(k, BktSkill.parse(v)));
        return new BktModel(skills, pooled, bySkill);
    }

    public void writeTo(Params params) {
        params.put(NAME + ".pooled", pooled.format());
        bySkillName.forEach((k, v) -> params.put(NAME + ".skill." + k, v.format()));
    }

    /** The parameters used for a skill id. */
    public BktSkill skill(int skill) {
        while (bySkill.size() <= skill) {
            bySkill.add(null);
        }
        BktSkill p = bySkill.get(skill);
        if (p == null) {
            p = bySkillName.getOrDefault(skills.name(skill), pooled);
            bySkill.set(skill, p);
        }
        return p;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LearnerState newState() {
        return new BktState();
    }

    @Override
    public double predict(LearnerState state, ItemEstimate item, int[] skillIds, long timestampSeconds) {
        BktState s = (BktState) state;
        double sum = 0;
        for (int skill : skillIds) {
            BktSkill p = skill(skill);
            int slot = s.slots.find(skill);
            sum += p.correct(slot < 0 ? p.init() : s.known[slot]);
        }
        return sum / skillIds.length;
    }

    @Override
    public double update(LearnerState state, ItemEstimate item, int[] skillIds, double score, long timestampSeconds) {
        double prediction = predict(state, item, skillIds, timestampSeconds);
        BktState s = (BktState) state;
        for (int skill : skillIds) {
            BktSkill p = skill(skill);
            int slot = s.slot(skill, p.init());
            s.known[slot] = (float) p.next(s.known[slot], score);
            s.attempts[slot] += 1;
        }
        s.last = timestampSeconds;
        return prediction;
    }

    /** For BKT the mastery is P(known), with the standard deviation of that Bernoulli state. */
    @Override
    public Mastery mastery(LearnerState state, int skill, long timestampSeconds) {
        BktState s = (BktState) state;
        int slot = s.slots.find(skill);
        double known = slot < 0 ? skill(skill).init() : s.known[slot];
        double sd = Math.sqrt(known * (1 - known));
        return new Mastery(known, sd, Math.max(0, known - 1.96 * sd), Math.min(1, known + 1.96 * sd),
                slot < 0 ? 0 : s.attempts[slot]);
    }

    @Override
    public byte[] serialise(LearnerState state) {
        BktState s = (BktState) state;
        ByteWriter out = new ByteWriter().writeByte(FORMAT).writeSignedVarLong(s.last).writeVarLong(s.slots.size());
        for (int i = 0; i < s.slots.size(); i++) {
            out.writeVarLong(s.slots.skill(i)).writeFloat(s.known[i]).writeFloat(s.attempts[i]);
        }
        return out.toByteArray();
    }

    @Override
    public LearnerState deserialise(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        if (in.readByte() != FORMAT) {
            throw new IllegalArgumentException("not a bkt state");
        }
        BktState s = new BktState();
        s.last = in.readSignedVarLong();
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            int slot = s.slot(in.readVarInt(), 0);
            s.known[slot] = in.readFloat();
            s.attempts[slot] = in.readFloat();
        }
        return s;
    }
}
