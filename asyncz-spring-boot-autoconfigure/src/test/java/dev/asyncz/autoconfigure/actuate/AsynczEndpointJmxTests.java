package dev.asyncz.autoconfigure.actuate;

import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.asyncz.core.Scheduler;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code asyncz} endpoint over JMX.
 */
@SpringBootTest(classes = AsynczEndpointWebTests.TestApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=asyncz",
				"management.endpoints.jmx.domain=asyncz.test", "management.endpoint.asyncz.access=unrestricted" })
class AsynczEndpointJmxTests {

	private static final String[] TWO_STRINGS = { String.class.getName(), String.class.getName() };

	@Autowired
	MBeanServer mBeanServer;

	@Autowired
	Scheduler scheduler;

	ObjectName endpoint;

	@BeforeEach
	void addTask() throws Exception {
		this.scheduler.deleteAll(null);
		AsynczEndpointWebTests.addHourlyReport(this.scheduler);
		this.endpoint = this.mBeanServer.queryNames(new ObjectName("asyncz.test:type=Endpoint,name=Asyncz,*"), null)
			.iterator()
			.next();
	}

	@Test
	void summaryIsReadable() throws Exception {
		Object summary = this.mBeanServer.invoke(this.endpoint, "scheduler", new Object[0], new String[0]);
		assertThat(summary).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("state", "RUNNING");
	}

	@Test
	void taskDetailsAreReadable() throws Exception {
		Object task = this.mBeanServer.invoke(this.endpoint, "task", new Object[] { "report-1" },
				new String[] { String.class.getName() });
		assertThat(task).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("function", "report");
	}

	@Test
	void pauseActionPausesTheTask() throws Exception {
		Object result = this.mBeanServer.invoke(this.endpoint, "act", new Object[] { "report-1", "pause" },
				TWO_STRINGS);
		assertThat(result).isInstanceOf(Map.class);
		assertThat(this.scheduler.get("report-1")).hasValueSatisfying((task) -> assertThat(task.paused()).isTrue());
	}

}
