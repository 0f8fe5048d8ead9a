package dev.asyncz.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Pins the layering of every module: which package may use which, that no package reaches
 * into another package's {@code internal} code, and that no public API type hands out an
 * internal type. The test classpath of this module holds all of them (core, the store
 * modules and the Spring adapter).
 */
class ArchitectureTests {

	private static final JavaClasses ALL_MODULES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.asyncz");

	@Test
	void packagesUseOnlyTheLayersBelowThem() {
		ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Exceptions")
			.definedBy("dev.asyncz")
			.layer("Triggers")
			.definedBy("dev.asyncz.trigger..")
			.layer("Tasks")
			.definedBy("dev.asyncz.task..")
			.layer("Events")
			.definedBy("dev.asyncz.event..")
			.layer("Executors")
			.definedBy("dev.asyncz.executor..")
			.layer("Store SPI")
			.definedBy("dev.asyncz.store", "dev.asyncz.store.internal")
			.layer("Scheduler")
			.definedBy("dev.asyncz.core..")
			.layer("Store modules")
			.definedBy("dev.asyncz.store.jdbc..", "dev.asyncz.store.redis..")
			.layer("Spring")
			.definedBy("dev.asyncz.autoconfigure..", "dev.asyncz.annotation..")
			.whereLayer("Spring")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Store modules")
			.mayOnlyBeAccessedByLayers("Spring")
			.whereLayer("Scheduler")
			.mayOnlyBeAccessedByLayers("Spring")
			.whereLayer("Store SPI")
			.mayOnlyBeAccessedByLayers("Scheduler", "Store modules", "Spring")
			.whereLayer("Executors")
			.mayOnlyBeAccessedByLayers("Scheduler", "Spring")
			.whereLayer("Events")
			.mayOnlyBeAccessedByLayers("Store SPI", "Scheduler", "Store modules", "Spring")
			.whereLayer("Tasks")
			.mayOnlyBeAccessedByLayers("Events", "Store SPI", "Scheduler", "Store modules", "Spring")
			.whereLayer("Triggers")
			.mayOnlyBeAccessedByLayers("Tasks", "Events", "Store SPI", "Scheduler", "Store modules", "Spring");
		layers.check(ALL_MODULES);
	}

	@Test
	void noPackageReachesIntoAnotherPackagesInternals() {
		classes().should(onlyUseTheirOwnInternals()).check(ALL_MODULES);
	}

	@Test
	void noPublicApiTypeHandsOutAnInternalType() {
		classes().that()
			.arePublic()
			.and()
			.resideOutsideOfPackage("..internal..")
			.should(exposeNoInternalTypes())
			.check(ALL_MODULES);
	}

	/**
	 * {@code a.b.C} may use {@code a.b.internal.D} and {@code a.b.internal.x.E}; nothing
	 * else may.
	 */
	private static ArchCondition<JavaClass> onlyUseTheirOwnInternals() {
		return new ArchCondition<>("use no other package's internal types") {

			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					int internal = target.indexOf(".internal");
					if (!target.startsWith("dev.asyncz") || internal < 0) {
						continue;
					}
					String owner = target.substring(0, internal);
					String from = origin.getPackageName();
					if (!from.equals(owner) && !from.startsWith(owner + ".")) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

	private static ArchCondition<JavaClass> exposeNoInternalTypes() {
		return new ArchCondition<>("expose no internal type in a public signature") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				List<String> exposed = new ArrayList<>();
				for (JavaCodeUnit unit : type.getCodeUnits()) {
					if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
						List<JavaClass> mentioned = new ArrayList<>(unit.getRawParameterTypes());
						mentioned.add(unit.getRawReturnType());
						mentioned.stream()
							.filter(INTERNAL)
							.forEach((internal) -> exposed.add(unit.getFullName() + " uses " + internal.getName()));
					}
				}
				for (JavaField field : type.getFields()) {
					if (field.getModifiers().contains(JavaModifier.PUBLIC) && INTERNAL.test(field.getRawType())) {
						exposed.add(field.getFullName() + " is of " + field.getRawType().getName());
					}
				}
				exposed.forEach((message) -> events.add(SimpleConditionEvent.violated(type, message)));
			}

		};
	}

	private static final DescribedPredicate<JavaClass> INTERNAL = DescribedPredicate.describe("internal",
			(type) -> type.getPackageName().startsWith("dev.asyncz") && type.getPackageName().contains(".internal"));

}
