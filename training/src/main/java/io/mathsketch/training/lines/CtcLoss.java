package io.mathsketch.training.lines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import io.mathsketch.engine.number.CtcScore;

/**
 * Connectionist temporal classification loss in NDArray operations, so that autograd differentiates it: DJL's
 * PyTorch engine exposes no CTC loss. The forward recursion runs in log space over the extended label sequence
 * (blank, digit, blank, ..., blank), one step at a time with the previous step's values shifted by one and two
 * states, the two-state skip allowed only onto a digit that differs from the digit before it; each sample's loss is
 * minus the log of the sum of its two final states' values. Impossible states hold {@link #IMPOSSIBLE}, a large
 * finite negative number rather than negative infinity, so that the log-sum-exp never computes infinity minus
 * infinity (which would make the gradient NaN); they end with weight exp(-1e30) = 0.
 *
 * <p>Labels ({@link #targets}): the extended labels one-hot (B, S, 11), the skip mask (B, S) and the final-state mask
 * (B, S), S = 2 x longest + 1. Predictions: the network's logits (B, 11, 1, T). The loss is the batch's mean.
 */
public final class CtcLoss extends Loss {

    static final float IMPOSSIBLE = -1e30f;

    public CtcLoss() {
        super("CtcLoss");
    }

    /** The label arrays of a batch of readings (digit labels 0-9 each). */
    public static NDList targets(NDManager manager, int[][] readings) {
        int longest = 0;
        for (int[] r : readings) {
            longest = Math.max(longest, r.length);
        }
        int batch = readings.length, states = 2 * longest + 1, classes = CtcScore.CLASSES;
        float[] oneHot = new float[batch * states * classes];
        float[] skip = new float[batch * states];
        float[] last = new float[batch * states];
        for (int b = 0; b < batch; b++) {
            int[] r = readings[b];
            for (int s = 0; s < states; s++) {
                int label = s % 2 == 1 && s / 2 < r.length ? r[s / 2] : CtcScore.BLANK;
                oneHot[(b * states + s) * classes + label] = 1;
                boolean skips = s % 2 == 1 && s > 1 && s / 2 < r.length && r[s / 2] != r[s / 2 - 1];
                skip[b * states + s] = skips ? 0 : IMPOSSIBLE;
                boolean isLast = s == 2 * r.length || s == 2 * r.length - 1;
                last[b * states + s] = isLast ? 0 : IMPOSSIBLE;
            }
        }
        return new NDList(manager.create(oneHot, new Shape(batch, states, classes)),
                manager.create(skip, new Shape(batch, states)), manager.create(last, new Shape(batch, states)));
    }

    /** Per-step log-probabilities (B, T, 11) of the network's logits (B, 11, 1, T). */
    public static NDArray logProbabilities(NDArray logits) {
        Shape s = logits.getShape();
        return logits.reshape(s.get(0), s.get(1), s.get(3)).transpose(0, 2, 1).logSoftmax(2);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return perSample(logProbabilities(predictions.singletonOrThrow()), labels).mean();
    }

    /** Each sample's negative log-likelihood (B) given its per-step log-probabilities (B, T, 11). */
    static NDArray perSample(NDArray logProbabilities, NDList labels) {
        NDArray oneHot = labels.get(0), skip = labels.get(1), last = labels.get(2);
        NDManager manager = logProbabilities.getManager();
        long batch = oneHot.getShape().get(0), states = oneHot.getShape().get(1);
        long steps = logProbabilities.getShape().get(1);
        // (B, T, 11) x (B, 11, S): each state's log-probability at each step (exact, the labels being one-hot).
        NDArray emissions = logProbabilities.matMul(oneHot.transpose(0, 2, 1));
        NDArray one = manager.full(new Shape(batch, 1), IMPOSSIBLE);
        NDArray two = manager.full(new Shape(batch, 2), IMPOSSIBLE);
        float[] first = new float[(int) (batch * states)];
        for (int i = 0; i < first.length; i++) {
            first[i] = i % states < 2 ? 0 : IMPOSSIBLE;
        }
        NDArray alpha = emissions.get(new NDIndex(":, 0, :")).add(manager.create(first, new Shape(batch, states)));
        for (long t = 1; t < steps; t++) {
            NDArray byOne = one.concat(alpha.get(new NDIndex(":, :-1")), 1);
            NDArray byTwo = states > 2 ? two.concat(alpha.get(new NDIndex(":, :-2")), 1).add(skip)
                    : two.get(new NDIndex(":, :" + states));
            alpha = logSumExp(alpha, byOne, byTwo).add(emissions.get(new NDIndex(":, {}, :", t)));
        }
        NDArray end = alpha.add(last);
        NDArray max = end.max(new int[] {1}, true).stopGradient();
        return end.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1)).neg();
    }

    private static NDArray logSumExp(NDArray a, NDArray b, NDArray c) {
        NDArray max = a.maximum(b).maximum(c).stopGradient();
        return a.sub(max).exp().add(b.sub(max).exp()).add(c.sub(max).exp()).log().add(max);
    }
}
