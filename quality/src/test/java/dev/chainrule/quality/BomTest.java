package dev.chainrule.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code chainrule-bom} manages every published module at the parent's version: a module is published unless its
 * pom sets {@code maven.deploy.skip}, so a new module reaches the BOM or says why not.
 */
class BomTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBomListsEveryPublishedModuleAtTheParentsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        assertEquals(text(parent.getDocumentElement(), "version"), text(bom.getDocumentElement(), "version"),
                "bom/pom.xml's version must be the root pom's");

        TreeSet<String> published = new TreeSet<>();
        for (String module : texts(child(parent.getDocumentElement(), "modules").orElseThrow(), "module")) {
            Element project = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            String packaging = text(project, "packaging").orElse("jar");
            boolean skipped = child(project, "properties").flatMap(properties -> text(properties,
                    "maven.deploy.skip")).filter("true"::equals).isPresent();
            if (packaging.equals("jar") && !skipped) {
                published.add(text(project, "artifactId").orElseThrow());
            }
        }
        Element managed = child(child(bom.getDocumentElement(), "dependencyManagement").orElseThrow(),
                "dependencies").orElseThrow();
        TreeSet<String> listed = new TreeSet<>();
        for (Element dependency : children(managed, "dependency")) {
            listed.add(text(dependency, "artifactId").orElseThrow());
            assertEquals(Optional.of("${project.version}"), text(dependency, "version"),
                    "every module in the BOM is at the BOM's own version");
        }
        assertEquals(published, listed, "bom/pom.xml must list every published module (a module that is not "
                + "published sets <maven.deploy.skip>true</maven.deploy.skip> in its pom's properties)");
    }

    private static Document read(Path pom) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().trim());
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(element -> element.getTextContent().trim()).toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
