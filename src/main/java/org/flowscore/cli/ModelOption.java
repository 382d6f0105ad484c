package org.flowscore.cli;

import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import picocli.CommandLine.Option;

/** {@code --model}: a built-in model by name, or a bundle made by {@code flowscore train} by path. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "default (the built-in model for connection logs, used when none is given), nsl-kdd (the"
                    + " built-in NSL-KDD random forest), or the path of a bundle made by 'flowscore train',"
                    + " 'calibrate' or 'adapt'.")
    String model;

    /** @throws ModelException with a message naming the file and what to do; reported as one line */
    Model load() throws ModelException {
        return ModelBundle.readNamed(model);
    }
}
