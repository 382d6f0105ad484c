package org.flowscore.cli;

import java.nio.file.Path;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import picocli.CommandLine.Option;

/** {@code --model}: a bundle made by {@code flowscore train}, or the shipped default model. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model bundle made by 'flowscore train' (default: the shipped NSL-KDD random forest).")
    Path path;

    /** @throws ModelException with a message naming the file and what to do; reported as one line */
    Model load() throws ModelException {
        return path == null ? ModelBundle.readDefault() : ModelBundle.read(path);
    }
}
