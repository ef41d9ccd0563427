package cluster.harness;

import cluster.runtime.maelstrom.MaelstromNode;
import cluster.sim.Variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of a master or worker process running a broken variant (test-only, so it lives here and not in
 * impl): {@code VariantNode --variant NAME <MaelstromNode's options>}. The process is a {@link MaelstromNode} whose
 * core is wrapped by the variant's mutation ({@link VariantCoreHook}).
 */
public final class VariantNode {

    /** The option naming the variant; it must come first. */
    static final String OPTION = "--variant";

    private VariantNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].equals(OPTION)) {
            System.err.println("variant node: the first option must be " + OPTION + " NAME, got "
                    + Arrays.toString(args));
            System.exit(2);
            return;
        }
        Variant variant;
        try {
            variant = Variant.byCliName(args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println("variant node: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        MaelstromNode.run(rest.toArray(String[]::new), new VariantCoreHook(variant.mutation()));
    }
}
