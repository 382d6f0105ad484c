package org.flowscore.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;

/**
 * The {@code model.json} of a model bundle: everything needed to trust, reproduce and correctly use a
 * model. Written without timestamps so the same training gives the same bytes.
 *
 * @param formatVersion      version of the bundle format (see ModelBundle)
 * @param name               model name, e.g. {@code nsl-kdd-random-forest}; ECS {@code flowscore.model.name}
 * @param version            model version, the first 12 hex digits of the SHA-256 of {@code model.ser};
 *                           ECS {@code flowscore.model.version}
 * @param algorithm          {@code random-forest}, {@code gradient-boosting}, {@code logistic} or
 *                           {@code isolation-forest}
 * @param smileVersion       the Smile version that trained it (a model is only loaded by the same version)
 * @param flowscoreVersion   the flowscore version that trained it
 * @param features           the feature names in input order: the 41 NSL-KDD names, or those followed by the
 *                           extended features; the list names the {@link FeatureSet}
 * @param encodings          vocabulary of each categorical feature, in index order
 * @param featureSettings    window settings the training features were computed with
 * @param threshold          decision threshold on the score: at or above it a flow is an attack
 * @param thresholdRule      how the threshold was chosen, in words (always on training data only)
 * @param trainingDataSha256 SHA-256 of the training files
 * @param trainingSources    the training files as given
 * @param trainingRows       rows trained on
 * @param trainingAttacks    attack rows among them (0 for an unsupervised model)
 * @param constantFeatures   features that were the same on every training row (e.g. content features a
 *                           connection log cannot give): they carry no signal in this model
 * @param parameters         the algorithm's settings, including the seed
 * @param trainingMetrics    metrics measured on training data only: {@code oofAccuracy}, {@code oofTpr},
 *                           {@code oofTnr}, {@code oofAuc} (out-of-fold, at the threshold), {@code oobAccuracy}
 *                           (random forest); {@code trainingFlaggedRate} and, on labelled data,
 *                           {@code labelledAccuracy} … {@code labelledAuc} (isolation forest)
 * @param extendedSettings   settings of the extended features' windows; absent for NSL-KDD models
 * @param calibration        how {@code flowscore calibrate} or {@code flowscore adapt} set {@code threshold} for a
 *                           site; absent otherwise
 * @param adaptation         how {@code flowscore adapt} added a site's history to the training data; absent
 *                           otherwise
 */
public record ModelInfo(
        int formatVersion,
        String name,
        String version,
        String algorithm,
        String smileVersion,
        String flowscoreVersion,
        List<String> features,
        Map<String, List<String>> encodings,
        FeatureSettings featureSettings,
        double threshold,
        String thresholdRule,
        String trainingDataSha256,
        List<String> trainingSources,
        long trainingRows,
        long trainingAttacks,
        List<String> constantFeatures,
        Map<String, Object> parameters,
        Map<String, Double> trainingMetrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExtendedSettings extendedSettings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Calibration calibration,
        @JsonInclude(JsonInclude.Include.NON_NULL) Adaptation adaptation) {

    private static final Properties BUILD = buildProperties();

    /** The Smile version flowscore was built with, the only one whose models it loads. */
    public static String currentSmileVersion() {
        return BUILD.getProperty("smile.version", "unknown");
    }

    /** This flowscore's version. */
    public static String currentFlowscoreVersion() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The feature set the model reads, or null when its features are none this flowscore computes. */
    public FeatureSet featureSet() {
        return FeatureSet.of(features);
    }

    /** The same description under another version (the hash of the model it describes). */
    public ModelInfo withVersion(String newVersion) {
        return new ModelInfo(formatVersion, name, newVersion, algorithm, smileVersion, flowscoreVersion, features,
                encodings, featureSettings, threshold, thresholdRule, trainingDataSha256, trainingSources,
                trainingRows, trainingAttacks, constantFeatures, parameters, trainingMetrics, extendedSettings,
                calibration, adaptation);
    }

    /** The same description with a site's threshold and how it was found. */
    public ModelInfo calibrated(double siteThreshold, Calibration how) {
        return new ModelInfo(formatVersion, name, version, algorithm, smileVersion, flowscoreVersion, features,
                encodings, featureSettings, siteThreshold, thresholdRule, trainingDataSha256, trainingSources,
                trainingRows, trainingAttacks, constantFeatures, parameters, trainingMetrics, extendedSettings, how,
                adaptation);
    }

    /** The same description with how a site's history was added to its training data. */
    public ModelInfo adapted(Adaptation how) {
        return new ModelInfo(formatVersion, name, version, algorithm, smileVersion, flowscoreVersion, features,
                encodings, featureSettings, threshold, thresholdRule, trainingDataSha256, trainingSources,
                trainingRows, trainingAttacks, constantFeatures, parameters, trainingMetrics, extendedSettings,
                calibration, how);
    }

    /** The command that trains this model again with the running flowscore, for messages. */
    public String retrainCommand() {
        if (adaptation != null) {
            return "flowscore adapt --data " + String.join(" ", adaptation.siteSources())
                    + " (--alerts-per-day N | --flagged-share X) --seed " + adaptation.seed() + " -o MODEL.zip";
        }
        String data = trainingSources == null || trainingSources.isEmpty() ? "TRAINING-FILES"
                : String.join(" ", trainingSources);
        return "flowscore train --algorithm " + (algorithm == null ? "ALGORITHM" : algorithm) + " --data " + data
                + " --out MODEL.zip";
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ModelInfo.class.getResourceAsStream("/flowscore-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read flowscore-version.properties from the classpath", e);
        }
        return p;
    }
}
