package dev.asyncz.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.store.internal.DeadlineHeap;
import dev.asyncz.store.internal.EntrySet;
import dev.asyncz.store.internal.IdIndex;
import dev.asyncz.store.internal.NameBigrams;
import dev.asyncz.store.internal.RankedEntries;
import dev.asyncz.store.internal.TaskShapes;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps tasks in memory: a heap of deadlines plus an index by id. Adding, removing and
 * rescheduling cost O(log n), a lookup by id O(1); nothing is kept per waiting task but
 * its id, trigger and next run time in a 40-byte entry, two array slots and its id's hash
 * in the index (no thread, future, timer or hash-map node): the rest of the task
 * (function, arguments, options, names) is shared with the tasks added like it, and the
 * task value is made again when asked for. A task that is not waiting (claimed, paused or
 * failed) has a slot in a second array instead of the heap. Tasks are gone when the
 * process ends.
 */
public final class MemoryTaskStore implements TaskStore {

	/**
	 * The most waiting tasks a {@link #search} walks earliest first, under the lock,
	 * before it reads all of them in chunks instead.
	 */
	static final int WALK_BUDGET = 10_000;

	/**
	 * How many tasks a {@link #search} reading all of them tests in one step: per hold of
	 * the lock for the tasks that are not waiting, between two looks at the test hook for
	 * the waiting ones.
	 */
	static final int SCAN_CHUNK = 16_384;

	/** The fewest tasks a search reads with several threads. */
	static final int PARALLEL_SCAN = 65_536;

	/** The most threads a search reads with. */
	static final int MAX_SCAN_PARTS = 4;

	private static final Comparator<Task> LISTING_ORDER = Comparator
		.comparing(Task::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Task::id);

	/** The listing order of waiting entries, which all have a next run time. */
	private static final Comparator<Entry> WAITING_ORDER = Comparator
		.comparing((Entry entry) -> Objects.requireNonNull(entry.nextRunTime()))
		.thenComparing(Entry::id);

	private final IdIndex entries = new IdIndex();

	private final DeadlineHeap heap = new DeadlineHeap();

	/**
	 * The entries outside the heap: claimed, paused and failed tasks, usually few. Kept
	 * so that searching or counting them does not read the waiting ones.
	 */
	private final EntrySet outsideHeap = new EntrySet();

	private final TaskShapes shapes = new TaskShapes();

	private final int walkBudget;

	private final int scanChunk;

	/** Run wherever a search lets go of the lock between its reads (tests). */
	private final Runnable betweenChunks;

	/**
	 * An empty store.
	 */
	public MemoryTaskStore() {
		this(WALK_BUDGET, SCAN_CHUNK, () -> {
		});
	}

	/**
	 * An empty store whose searches walk and read in steps of the given sizes: for tests
	 * that make a search read in several chunks, and change the store in between.
	 * @param walkBudget the most waiting tasks a search walks under the lock
	 * @param scanChunk how many tasks a search reading all of them tests in one step
	 * @param betweenChunks run between two chunks, and between reading the waiting tasks
	 * and making the page, without the lock
	 */
	MemoryTaskStore(int walkBudget, int scanChunk, Runnable betweenChunks) {
		if (scanChunk < 1) {
			throw new IllegalArgumentException("scanChunk must be at least 1, was " + scanChunk);
		}
		this.walkBudget = walkBudget;
		this.scanChunk = scanChunk;
		this.betweenChunks = betweenChunks;
	}

	@Override
	public String type() {
		return "memory";
	}

	@Override
	public boolean persistent() {
		return false;
	}

	@Override
	public synchronized void add(Task task) {
		Entry entry = new Entry(task, this.shapes);
		if (this.entries.addIfAbsent(entry) != null) {
			throw new ConflictingIdException(task.id());
		}
		schedule(entry);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * All or none, under the store's lock: every id is looked up before any task is
	 * added.
	 */
	@Override
	public synchronized void addAll(List<Task> tasks) {
		for (Task task : tasks) {
			if (this.entries.get(task.id()) != null) {
				throw new ConflictingIdException(task.id());
			}
		}
		for (Task task : tasks) {
			add(task);
		}
	}

	@Override
	public synchronized void update(Task task) {
		Entry entry = this.entries.get(task.id());
		if (entry == null) {
			throw new TaskNotFoundException(task.id());
		}
		replace(entry, task);
	}

	@Override
	public synchronized boolean release(Task claimed, Task next) {
		Entry entry = this.entries.get(claimed.id());
		if (entry == null || !entry.claimed() || entry.task() != claimed) {
			return false;
		}
		replace(entry, next);
		return true;
	}

	@Override
	public synchronized boolean remove(String id) {
		Entry entry = this.entries.remove(id);
		if (entry == null) {
			return false;
		}
		this.heap.remove(entry);
		this.outsideHeap.remove(entry);
		return true;
	}

	@Override
	public synchronized void removeAll() {
		this.entries.clear();
		this.heap.clear();
		this.outsideHeap.clear();
		this.shapes.clear();
	}

	@Override
	public synchronized Optional<Task> get(String id) {
		Entry entry = this.entries.get(id);
		return (entry != null) ? Optional.of(entry.task()) : Optional.empty();
	}

	@Override
	public synchronized List<DueTask> acquireDueTasks(Instant now, int limit) {
		List<DueTask> due = new ArrayList<>(Math.min(limit, 64));
		Entry first;
		while (due.size() < limit && (first = this.heap.peek()) != null && !first.nextRunTime().isAfter(now)) {
			this.heap.remove(first);
			Task claimed = first.claim();
			this.outsideHeap.add(first);
			due.add(new DueTask(claimed, false));
		}
		return due;
	}

	@Override
	public synchronized void complete(Task task) {
		Entry entry = this.entries.get(task.id());
		if (entry != null && entry.claimed() && entry.task() == task) {
			this.entries.remove(entry);
			this.outsideHeap.remove(entry);
		}
	}

	@Override
	public synchronized Optional<Instant> nextRunTime() {
		Entry first = this.heap.peek();
		return (first != null) ? Optional.ofNullable(first.nextRunTime()) : Optional.empty();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Looks at every task once and keeps only the page in a bounded queue: O(n log page)
	 * time and O(page) memory, so a page of a million tasks stays cheap.
	 */
	@Override
	public synchronized List<Task> list(TaskQuery query) {
		long keep = query.offset() + query.limit();
		if (keep > Integer.MAX_VALUE) {
			return List.of();
		}
		PriorityQueue<Task> page = new PriorityQueue<>((int) Math.min(keep, 1024) + 1, LISTING_ORDER.reversed());
		this.entries.forEach((entry) -> {
			Task task = entry.task();
			if (matches(task, query)) {
				page.add(task);
				if (page.size() > keep) {
					page.poll();
				}
			}
		});
		List<Task> sorted = new ArrayList<>(page);
		sorted.sort(LISTING_ORDER);
		int from = (int) Math.min(query.offset(), sorted.size());
		return List.copyOf(sorted.subList(from, sorted.size()));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Answers every filter itself, always completely, in listing order: waiting tasks by
	 * next run time and id, then running, paused and failed ones by next run time (none
	 * last) and id. A page near the front of the waiting tasks is read from the heap
	 * earliest first, under the store's lock, looking at no more than
	 * {@value #WALK_BUDGET} tasks. A deep page without an id, name or function filter is
	 * picked from a copy of the heap's next run times (a few milliseconds under the lock
	 * for a million tasks), reading no task but the page's. Any other (a rare filter)
	 * reads a copy of the id table without the lock, by several threads for a big store,
	 * testing each task's id, name and function where they are kept (no task is made for
	 * it). Copies are made in pages, never as one array of millions. The page is then
	 * picked from the matches without sorting them all. Its tasks are made under the
	 * lock, and one that changed or left since it was seen gives its place to the next
	 * match. So a task that stays, unchanged, for the whole search is found where it
	 * belongs, while one added, changed or removed during it may or may not be. Running,
	 * paused and failed tasks are kept apart, so looking at them does not read the
	 * waiting ones.
	 */
	@Override
	public TaskSearchResult search(TaskSearch search) {
		TaskSearch.Status status = search.status();
		List<Task> page = new ArrayList<>(Math.min(search.limit(), 256));
		long waitingMatched = 0;
		if (status == null || status == TaskSearch.Status.SCHEDULED) {
			Section waiting = searchWaiting(search);
			page.addAll(waiting.tasks());
			waitingMatched = waiting.matched();
		}
		if (status != TaskSearch.Status.SCHEDULED && page.size() < search.limit()) {
			long offset = Math.max(0, search.offset() - waitingMatched);
			Entry[] others;
			synchronized (this) {
				others = this.outsideHeap.toArray();
			}
			page.addAll(scan(others, search, offset, search.limit() - page.size(),
					(entry) -> !entry.inHeap() && this.outsideHeap.contains(entry) && hasStatus(entry, status))
				.tasks());
		}
		return new TaskSearchResult(page, true);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reads only the tasks that are not waiting: {@code O(running + paused + failed)}.
	 */
	@Override
	public synchronized Map<TaskSearch.Status, Long> countByStatus() {
		Map<TaskSearch.Status, Long> counts = new EnumMap<>(TaskSearch.Status.class);
		for (TaskSearch.Status status : TaskSearch.Status.values()) {
			counts.put(status, 0L);
		}
		counts.put(TaskSearch.Status.SCHEDULED, (long) this.heap.size());
		this.outsideHeap.forEach((entry) -> counts.merge(status(entry), 1L, Long::sum));
		return counts;
	}

	private Section searchWaiting(TaskSearch search) {
		Section walked = walkWaiting(search);
		if (walked != null) {
			return walked;
		}
		if (!filtersAttributes(search)) {
			// Every waiting task matches: ranked by the times the heap keeps beside its
			// entries, reading no entry but those of the page.
			DeadlineHeap.Snapshot waiting;
			synchronized (this) {
				waiting = this.heap.snapshot();
			}
			RankedEntries all = RankedEntries.of(waiting);
			this.betweenChunks.run();
			return new Section(page(all, search, search.offset(), search.limit(), Entry::inHeap), all.size());
		}
		Entry[][] every;
		int count;
		synchronized (this) {
			// Read in the id table's order rather than the heap's: entries made one
			// after the other lie together there and in memory (see IdIndex.toPages).
			// The few that are not waiting are passed over.
			every = this.entries.toPages();
			count = this.entries.size();
		}
		return scanWaiting(every, count, search);
	}

	/**
	 * Pages through the waiting tasks earliest first, under the lock, when the page lies
	 * among the first {@link #walkBudget} of them, and among the first sixteen times the
	 * tasks the page needs.
	 * @return the page, or {@code null} when that many tasks held no full page
	 */
	private synchronized @Nullable Section walkWaiting(TaskSearch search) {
		long nameBigrams = nameBigrams(search);
		long wanted = search.offset() + search.limit();
		// A walk costs several times what reading one task in the scan does, so it is
		// given up early for a filter that lets too few tasks through.
		long budget = Math.min(this.walkBudget, 16 * wanted + 256);
		if (wanted > budget) {
			return null;
		}
		List<Entry> matches = new ArrayList<>();
		int[] steps = { 0 };
		Instant[] last = { null };
		boolean[] overBudget = { false };
		this.heap.visitInOrder((entry) -> {
			// Past the page's last time: tasks due at the same time as the last one are
			// still looked at, since ids order them and the heap does not.
			if (last[0] != null && entry.nextRunTime().isAfter(last[0])) {
				return false;
			}
			if (++steps[0] > budget) {
				overBudget[0] = true;
				return false;
			}
			if (matchesAttributes(search, nameBigrams, entry)) {
				matches.add(entry);
				if (matches.size() == wanted) {
					last[0] = entry.nextRunTime();
				}
			}
			return true;
		});
		if (overBudget[0]) {
			return null;
		}
		matches.sort(WAITING_ORDER);
		int from = (int) Math.min(search.offset(), matches.size());
		int to = (int) Math.min(wanted, matches.size());
		List<Task> tasks = new ArrayList<>(to - from);
		for (Entry entry : matches.subList(from, to)) {
			tasks.add(entry.task());
		}
		return new Section(tasks, matches.size());
	}

	/**
	 * Pages through a copy of some entries: tests them in chunks under the lock, picks
	 * the page from the matches, and makes its tasks under the lock, passing over entries
	 * that changed or left in between.
	 * @param copy the entries, as they were under the lock
	 * @param belongs whether an entry is still one of those searched (read under the
	 * lock)
	 */
	private Section scan(Entry[] copy, TaskSearch search, long offset, int limit, Predicate<Entry> belongs) {
		long nameBigrams = nameBigrams(search);
		RankedEntries matches = new RankedEntries();
		for (int from = 0; from < copy.length; from += this.scanChunk) {
			if (from > 0) {
				this.betweenChunks.run();
			}
			int to = Math.min(copy.length, from + this.scanChunk);
			synchronized (this) {
				for (int i = from; i < to; i++) {
					Entry entry = copy[i];
					if (belongs.test(entry) && matchesAttributes(search, nameBigrams, entry)) {
						matches.add(entry, RankedEntries.keyOf(entry));
					}
				}
			}
		}
		return new Section(page(matches, search, offset, limit, belongs), matches.size());
	}

	/**
	 * Pages through the waiting tasks of a copy of the id table that pass the search's
	 * id, name and function filters. The entries are tested without the lock, by as many
	 * threads as there are processors (up to {@value #MAX_SCAN_PARTS}) for a big copy:
	 * reading a million entries is bound by waiting for memory, which each processor does
	 * on its own. That is safe: an entry's task and shape never change, and what an entry
	 * held when the copy was made under the lock is what the threads see, unless it
	 * changes meanwhile, when it may or may not be found (as promised) and the page is
	 * checked under the lock anyway.
	 */
	private Section scanWaiting(Entry[][] every, int count, TaskSearch search) {
		int parts = (count < PARALLEL_SCAN) ? 1
				: Math.max(1, Math.min(MAX_SCAN_PARTS, Runtime.getRuntime().availableProcessors()));
		RankedEntries[] found = new RankedEntries[parts];
		if (parts == 1) {
			found[0] = scanPart(every, 0, count, search);
		}
		else {
			IntStream.range(0, parts)
				.parallel()
				.forEach((part) -> found[part] = scanPart(every, (int) ((long) count * part / parts),
						(int) ((long) count * (part + 1) / parts), search));
		}
		RankedEntries matches = RankedEntries.concat(found);
		return new Section(page(matches, search, search.offset(), search.limit(), Entry::inHeap), matches.size());
	}

	private RankedEntries scanPart(Entry[][] every, int from, int to, TaskSearch search) {
		long nameBigrams = nameBigrams(search);
		RankedEntries found = new RankedEntries();
		for (int chunk = from; chunk < to; chunk += this.scanChunk) {
			if (chunk > from) {
				this.betweenChunks.run();
			}
			int end = Math.min(to, chunk + this.scanChunk);
			for (int i = chunk; i < end; i++) {
				Entry entry = every[i >>> RankedEntries.PAGE_BITS][i & (RankedEntries.PAGE - 1)];
				if (entry.inHeap() && matchesAttributes(search, nameBigrams, entry)) {
					found.add(entry, RankedEntries.keyOf(entry));
				}
			}
		}
		return found;
	}

	/**
	 * Picks a page from ranked matches and makes its tasks under the lock, passing over
	 * entries that changed or left since they were seen.
	 */
	private List<Task> page(RankedEntries matches, TaskSearch search, long offset, int limit,
			Predicate<Entry> belongs) {
		List<Task> tasks = new ArrayList<>(Math.min(limit, 256));
		long rank = offset;
		while (tasks.size() < limit && rank < matches.size()) {
			// A few more than missing: what changed since it was seen is passed over.
			List<RankedEntries.Ranked> next = matches.ranks(rank, limit - tasks.size() + 8);
			rank += next.size();
			synchronized (this) {
				for (RankedEntries.Ranked ranked : next) {
					Entry entry = ranked.entry();
					if (tasks.size() < limit && belongs.test(entry) && RankedEntries.keyOf(entry) == ranked.key()) {
						Task task = entry.task();
						if (search.matchesAttributes(task)) {
							tasks.add(task);
						}
					}
				}
			}
		}
		return tasks;
	}

	private static boolean filtersAttributes(TaskSearch search) {
		return search.idPrefix() != null || search.function() != null || search.name() != null;
	}

	/**
	 * {@link TaskSearch#matchesAttributes(Task)} reading only what the filters need, the
	 * id first: each read may be a cache miss, a million times a search.
	 * @param nameBigrams the {@link #nameBigrams} of the search
	 */
	private static boolean matchesAttributes(TaskSearch search, long nameBigrams, Entry entry) {
		String idPrefix = search.idPrefix();
		String function = search.function();
		String name = search.name();
		// The name's summary sits in the shape, read for the function anyway: most
		// names are passed over without reading them.
		return (idPrefix == null || entry.id().startsWith(idPrefix)) && (function == null || function
			.equals(entry.function())) && (name == null
					|| (NameBigrams.mayContain(entry.nameBigrams(), nameBigrams) && search.matchesName(entry.name())));
	}

	/** The {@link NameBigrams} of what the search looks for in names, 0 for none. */
	private static long nameBigrams(TaskSearch search) {
		return (search.name() != null) ? NameBigrams.ofPart(search.name()) : 0;
	}

	private static boolean hasStatus(Entry entry, TaskSearch.@Nullable Status status) {
		return status == null || status(entry) == status;
	}

	private static TaskSearch.Status status(Entry entry) {
		if (entry.inHeap()) {
			return TaskSearch.Status.SCHEDULED;
		}
		if (entry.claimed()) {
			return TaskSearch.Status.RUNNING;
		}
		return entry.failed() ? TaskSearch.Status.FAILED : TaskSearch.Status.PAUSED;
	}

	@Override
	public synchronized long count() {
		return this.entries.size();
	}

	private void replace(Entry entry, Task task) {
		// Checked before anything changes: an entry half replaced would be in neither the
		// heap nor a claim, and its task would never run.
		if (!task.id().equals(entry.id())) {
			throw new IllegalArgumentException(
					"Task '" + entry.id() + "' cannot be replaced by task '" + task.id() + "'");
		}
		this.heap.remove(entry);
		entry.unclaim();
		entry.task(task, this.shapes);
		schedule(entry);
	}

	private void schedule(Entry entry) {
		if (entry.nextRunTime() != null) {
			// Out of the set first: in the heap, its place there is all the entry
			// records.
			this.outsideHeap.remove(entry);
			this.heap.push(entry);
		}
		else {
			this.outsideHeap.add(entry);
		}
	}

	private static boolean matches(Task task, TaskQuery query) {
		if (query.function() != null && !query.function().equals(task.function())) {
			return false;
		}
		if (query.state() == null) {
			return true;
		}
		return switch (query.state()) {
			case SCHEDULED -> task.nextRunTime() != null;
			case PAUSED -> task.paused();
			case FAILED -> task.failed();
		};
	}

	/**
	 * A page of one part of a search, and how many tasks of that part matched (all of
	 * them, or at least as many as the page needed).
	 */
	private record Section(List<Task> tasks, long matched) {

	}

}
