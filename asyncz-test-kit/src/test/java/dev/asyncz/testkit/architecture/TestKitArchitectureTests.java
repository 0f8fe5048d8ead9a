package dev.asyncz.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The kit uses only the public API of the other modules, and its plain part works without
 * Spring.
 */
class TestKitArchitectureTests {

	private static final JavaClasses KIT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.asyncz.testkit");

	@Test
	void theKitUsesNoInternalTypeOfAnotherModule() {
		noClasses().should().dependOnClassesThat().resideInAPackage("dev.asyncz..internal..").check(KIT);
	}

	@Test
	void onlyTheBootSupportUsesSpring() {
		noClasses().that()
			.resideOutsideOfPackage("dev.asyncz.testkit.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "dev.asyncz.autoconfigure..")
			.check(KIT);
	}

}
