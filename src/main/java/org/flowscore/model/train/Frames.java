package org.flowscore.model.train;

import java.util.ArrayList;
import java.util.List;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.ByteVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/**
 * Smile data frames of training rows: the predictor features by their names, categoricals as bytes with a
 * nominal scale over the feature set's vocabulary (so Smile's category codes are our indices),
 * and the label {@code y} (0 normal, 1 attack).
 */
final class Frames {
    static final String LABEL = "y";

    private Frames() {
    }

    static DataFrame of(TrainingSet set, int[] predictors, int[] rows) {
        List<ValueVector> columns = new ArrayList<>(predictors.length + 1);
        for (int f : predictors) {
            String name = set.features.names().get(f);
            if (set.features.isCategorical(f)) {
                byte[] codes = new byte[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    codes[k] = (byte) set.x[rows[k]][f];
                }
                NominalScale scale = new NominalScale(set.features.vocabulary(f));
                columns.add(new ByteVector(new StructField(name, DataTypes.ByteType, scale), codes));
            } else {
                double[] values = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    values[k] = set.x[rows[k]][f];
                }
                columns.add(new DoubleVector(name, values));
            }
        }
        columns.add(new IntVector(LABEL, set.labels(rows)));
        return new DataFrame(columns.toArray(new ValueVector[0]));
    }
}
