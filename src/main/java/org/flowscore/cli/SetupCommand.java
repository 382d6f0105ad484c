package org.flowscore.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscore.setup.ClusterCheck;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.Namespace;
import org.flowscore.setup.ServerVersion;
import org.flowscore.setup.SetupException;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.setup.TemplateInstaller.Action;
import org.flowscore.sink.es.EsAuth;
import org.flowscore.sink.es.EsSinkException;
import org.flowscore.sink.es.EsTls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "setup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prepares an Elasticsearch cluster (8.x or 9.x) for flowscore's documents.",
            "",
            "Installs the index templates of the data streams logs-flowscore.flow-NAMESPACE (every scored",
            "flow) and logs-flowscore.alert-NAMESPACE (flows at or above the threshold), their shared",
            "component template with an explicit mapping of every field flowscore writes, and, when the",
            "cluster has ILM, the lifecycle policies (flows deleted after 90 days, alerts after 365).",
            "Running it again changes nothing and says so; after an upgrade it rewrites what changed.",
            "",
            "It checks the server first (reachable, trusted, credentials accepted, Elasticsearch 8.x or 9.x)",
            "and names what to fix when a check fails. Credentials come from the environment, never from a",
            "flag: FLOWSCORE_ES_USERNAME and FLOWSCORE_ES_PASSWORD, FLOWSCORE_ES_API_KEY, or",
            "FLOWSCORE_ES_BEARER_TOKEN. The user needs the cluster privileges monitor, manage_index_templates",
            "and, where the cluster has ILM, manage_ilm.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore setup --es http://localhost:9200",
            "  flowscore setup --es http://es.example.org:9200 --namespace lab",
            "  FLOWSCORE_ES_USERNAME=elastic FLOWSCORE_ES_PASSWORD=... \\",
            "      flowscore setup --es https://localhost:9200 --es-ca /etc/elasticsearch/certs/http_ca.crt",
        })
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--es", required = true, paramLabel = "URL",
            description = "The Elasticsearch HTTP URL, e.g. http://localhost:9200.")
    String url;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The data streams' namespace: lower case, no '-' (default: ${DEFAULT-VALUE}).")
    String namespace = Namespace.DEFAULT;

    @Mixin
    EsTrustOptions trust;

    @Override
    public Integer call() {
        URI url = parseUrl();
        String ns = validNamespace();
        EsTls tls = trust.tls(spec.commandLine());
        EsAuth auth = EsTrustOptions.auth(spec.commandLine(), System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        if (tls.insecure()) {
            spec.commandLine().getErr().println("flowscore: " + EsTls.INSECURE_WARNING);
        }
        try {
            EsHttp http = new EsHttp(url, auth, tls);
            ServerVersion version = ClusterCheck.check(http);
            out.println("Elasticsearch " + version.number() + " at " + http.url());
            TemplateInstaller.Result result = new TemplateInstaller(http).install(ns, VersionProvider.version());
            if (!result.ilm()) {
                out.println("this cluster has no ILM; skipping the lifecycle policy");
            }
            for (TemplateInstaller.Outcome o : result.outcomes()) {
                out.printf("%-9s %s%n", o.action().name().toLowerCase(Locale.ROOT), o.object());
            }
            out.println(summary(result));
        } catch (SetupException | EsSinkException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String summary(TemplateInstaller.Result result) {
        long unchanged = result.count(Action.UNCHANGED);
        if (unchanged == result.outcomes().size()) {
            return "nothing to change: all " + unchanged + " objects were already installed";
        }
        return result.count(Action.CREATED) + " created, " + result.count(Action.UPDATED) + " updated, "
                + unchanged + " unchanged";
    }

    private URI parseUrl() {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw usage("--es must be an http:// or https:// URL with a host, e.g. http://localhost:9200: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage("--es is not a URL: " + e.getMessage());
        }
    }

    private String validNamespace() {
        try {
            return Namespace.validate(namespace);
        } catch (IllegalArgumentException e) {
            throw usage("--namespace: " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
