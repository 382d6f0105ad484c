package org.flowscore.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.elastic.EsTls;
import org.flowscore.elastic.Namespace;
import org.flowscore.setup.ClusterCheck;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.ServerVersion;
import org.flowscore.setup.SetupException;
import org.flowscore.setup.TemplateInstaller.Action;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.setup.kibana.KibanaImporter;
import org.flowscore.setup.kibana.RuleBundle;
import org.flowscore.setup.kibana.RuleImporter;
import org.flowscore.setup.kibana.SavedObjectBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "setup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prepares Elasticsearch for flowscore's documents and installs its Kibana dashboards and detection rules.",
            "",
            "Elasticsearch 8.x or 9.x; Kibana 8.8 or later.",
            "",
            "Give --es, --kibana or both.",
            "",
            "Installs the index templates of the data streams logs-flowscore.flow-NAMESPACE (every scored flow) and"
                    + " logs-flowscore.alert-NAMESPACE (flows at or above the threshold), their shared component"
                    + " template with an explicit mapping of every field flowscore writes, and, when the cluster has"
                    + " ILM, the lifecycle policies (flows deleted after 90 days, alerts after 365). Running it"
                    + " again changes nothing and says so; after an upgrade it rewrites what changed.",
            "",
            "It checks the server first (reachable, trusted, credentials accepted, Elasticsearch 8.x or 9.x) and"
                    + " names what to fix when a check fails. Credentials come from the environment, never from a"
                    + " flag: FLOWSCORE_ES_USERNAME and FLOWSCORE_ES_PASSWORD, FLOWSCORE_ES_API_KEY, or"
                    + " FLOWSCORE_ES_BEARER_TOKEN. The user needs the cluster privileges monitor,"
                    + " manage_index_templates and, where the cluster has ILM, manage_ilm.",
            "",
            "With --kibana it imports the data views of the flow and alert streams, the Overview, Investigation and"
                    + " Model health dashboards and their saved searches into a Kibana space (8.8 or later),"
                    + " overwriting earlier versions of the same objects, and lists what was created or updated."
                    + " It then imports flowscore's Elastic Security detection rules (one query rule over"
                    + " logs-flowscore.alert-* per alert kind, risk score and severity from the alert, MITRE ATT&CK"
                    + " tactic and technique where the kind names one), updating them in place on a rerun, so"
                    + " flowscore's alerts appear on Elastic Security's Alerts page. Kibana takes the same"
                    + " credentials and certificate options; its user needs to manage saved objects and, for the"
                    + " rules, the Security feature's rules.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore setup --es http://localhost:9200",
            "  flowscore setup --es http://es.example.org:9200 --namespace lab",
            "  FLOWSCORE_ES_USERNAME=elastic FLOWSCORE_ES_PASSWORD=... \\",
            "      flowscore setup --es https://localhost:9200 \\",
            "          --es-ca /etc/elasticsearch/certs/http_ca.crt",
            "  flowscore setup --es http://localhost:9200 --kibana http://localhost:5601",
            "  flowscore setup --kibana https://kibana.example.org --space soc --es-ca ca.crt",
        })
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--es", paramLabel = "URL",
            description = "The Elasticsearch HTTP URL, e.g. http://localhost:9200.")
    String url;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The data streams' namespace: lower case, no '-' (default: ${DEFAULT-VALUE}).")
    String namespace = Namespace.DEFAULT;

    @Option(names = "--kibana", paramLabel = "URL",
            description = "The Kibana URL, e.g. http://localhost:5601: import flowscore's data views, dashboards and"
                    + " detection rules.")
    String kibanaUrl;

    @Option(names = "--space", paramLabel = "ID",
            description = "The Kibana space to import into (default: ${DEFAULT-VALUE}); it must exist.")
    String space = KibanaImporter.DEFAULT_SPACE;

    @Mixin
    EsTrustOptions trust;

    @Override
    public Integer call() {
        if (url == null && kibanaUrl == null) {
            throw usage("give --es URL (index templates), --kibana URL (dashboards) or both");
        }
        URI esUrl = url == null ? null : parseUrl("--es", url, "http://localhost:9200");
        URI kibana = kibanaUrl == null ? null : parseUrl("--kibana", kibanaUrl, "http://localhost:5601");
        String ns = validNamespace();
        if (!space.matches("[a-z0-9_-]+")) {
            throw usage("--space takes a space id (lower case letters, digits, '_' and '-'), not a display name: " + space);
        }
        EsTls tls = trust.tls(spec.commandLine());
        EsAuth auth = EsTrustOptions.auth(spec.commandLine(), System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        if (tls.insecure()) {
            spec.commandLine().getErr().println("flowscore: " + EsTls.INSECURE_WARNING);
        }
        try {
            if (esUrl != null) {
                installTemplates(new EsHttp(esUrl, auth, tls), ns, out);
            }
            if (kibana != null) {
                importDashboards(EsHttp.kibana(kibana, auth, tls), out);
            }
        } catch (SetupException | EsConnectionException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void importDashboards(EsHttp http, PrintWriter out) {
        KibanaImporter importer = new KibanaImporter(http);
        out.println("Kibana " + importer.checkVersion() + " at " + http.url() + ", space " + space);
        List<KibanaImporter.Imported> imported = importer.importBundle(SavedObjectBundle.shipped(), space);
        for (KibanaImporter.Imported i : imported) {
            out.printf("%-9s %s %s (%s)%n", i.updated() ? "updated" : "created", i.type(), i.id(), i.title());
        }
        long updated = imported.stream().filter(KibanaImporter.Imported::updated).count();
        out.println((imported.size() - updated) + " created, " + updated + " updated");
        int rules = new RuleImporter(http).importRules(RuleBundle.shipped(), space);
        out.println(rules + " detection rules imported (created, or updated in place)");
    }

    private static void installTemplates(EsHttp http, String ns, PrintWriter out) {
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
    }

    private static String summary(TemplateInstaller.Result result) {
        long unchanged = result.count(Action.UNCHANGED);
        if (unchanged == result.outcomes().size()) {
            return "nothing to change: all " + unchanged + " objects were already installed";
        }
        return result.count(Action.CREATED) + " created, " + result.count(Action.UPDATED) + " updated, "
                + unchanged + " unchanged";
    }

    private URI parseUrl(String option, String value, String example) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw usage(option + " must be an http:// or https:// URL with a host, e.g. " + example + ": " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage(option + " is not a URL: " + e.getMessage());
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
