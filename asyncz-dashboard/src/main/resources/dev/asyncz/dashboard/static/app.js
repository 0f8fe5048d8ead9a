// The asyncz dashboard: plain DOM, no libraries. Data is set as text, never as HTML.
(function () {
	'use strict';

	var config = { writesEnabled: false, pollIntervalMillis: 5000, stores: [] };
	var view = document.getElementById('view');
	var statusLine = document.getElementById('status');
	var timer = null;
	var failures = 0;
	var current = null;

	function el(tag, attrs) {
		var node = document.createElement(tag);
		Object.keys(attrs || {}).forEach(function (key) {
			if (key === 'text') { node.textContent = attrs[key]; }
			else if (key.indexOf('on') === 0) { node.addEventListener(key.substring(2), attrs[key]); }
			else { node.setAttribute(key, attrs[key]); }
		});
		for (var i = 2; i < arguments.length; i++) {
			var child = arguments[i];
			if (child === null || child === undefined) { continue; }
			node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
		}
		return node;
	}

	function text(value) { return (value === null || value === undefined) ? '–' : String(value); }

	function time(value) { return value ? value.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–'; }

	function csrfHeaders() {
		var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
		return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
	}

	function api(path, options) {
		options = options || {};
		options.credentials = 'same-origin';
		options.headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
		return fetch('api/' + path, options).then(function (response) {
			return response.json().catch(function () { return {}; }).then(function (body) {
				if (!response.ok) {
					var error = new Error(body.error || (response.status + ' ' + response.statusText));
					error.status = response.status;
					throw error;
				}
				return body;
			});
		});
	}

	function query(params) {
		return Object.keys(params).filter(function (key) { return params[key] !== '' && params[key] !== undefined; })
			.map(function (key) { return encodeURIComponent(key) + '=' + encodeURIComponent(params[key]); }).join('&');
	}

	function route() {
		var hash = location.hash.replace(/^#\//, '') || 'overview';
		var parts = hash.split('?');
		var params = {};
		new URLSearchParams(parts[1] || '').forEach(function (value, key) { params[key] = value; });
		return { page: parts[0], params: params };
	}

	function table(headers, rows) {
		return el('table', {}, el('thead', {}, el('tr', {}, ...headers.map(function (h) { return el('th', { text: h }); }))),
			el('tbody', {}, ...rows));
	}

	function bars(values, errors, id) {
		var max = Math.max.apply(null, values.concat([1]));
		return el('div', { 'class': 'bars', id: id }, ...values.map(function (value, i) {
			var bad = errors && errors[i] > 0;
			return el('div', { 'class': bad ? 'err' : '', title: value + (bad ? ' (' + errors[i] + ' failed)' : ''),
				style: 'height:' + Math.round(100 * value / max) + '%' });
		}));
	}

	// Pages: each has render(params) building the page once, and refresh(params) filling its data.

	var pages = {};

	pages.overview = {
		render: function () { view.replaceChildren(el('div', { id: 'overview' })); },
		refresh: function () {
			return api('overview').then(function (o) {
				var runs = o.runs;
				var total = runs.perMinute.reduce(function (a, b) { return a + b; }, 0);
				var late = runs.latenessMillis;
				document.getElementById('overview').replaceChildren(
					el('div', { 'class': 'cards' },
						el('div', { 'class': 'card' }, 'Scheduler', el('b', { id: 'scheduler-state', text: o.state })),
						el('div', { 'class': 'card' }, 'Instance', el('b', { text: o.instanceId })),
						el('div', { 'class': 'card' }, 'Runs, last hour', el('b', { text: total })),
						el('div', { 'class': 'card' }, 'Lateness p50 / p99',
							el('b', { text: late.p50 === undefined ? '–' : late.p50 + ' / ' + late.p99 + ' ms' }))),
					el('h2', { text: 'Stores' }),
					table(['Store', 'Type', 'Reachable', 'Tasks', 'Scheduled', 'Running', 'Paused', 'Failed', 'Quarantined'],
						o.stores.map(function (s) {
							var b = s.byStatus || {};
							return el('tr', {}, el('td', {}, el('a', { href: '#/tasks?store=' + encodeURIComponent(s.name), text: s.name })),
								el('td', { text: s.type + (s.persistent ? ' (durable)' : '') }),
								el('td', { 'class': s.reachable ? 'ok' : 'bad', text: s.reachable ? 'yes' : 'no: ' + text(s.error) }),
								el('td', { text: text(s.taskCount) }), el('td', { text: text(b.SCHEDULED) }),
								el('td', { text: text(b.RUNNING) }), el('td', { text: text(b.PAUSED) }),
								el('td', { text: text(b.FAILED) }), el('td', { text: text(s.quarantined) }));
						})),
					el('h2', { text: 'Executors' }),
					table(['Executor', 'Kind (capacity)', 'Active', 'Queued'], o.executors.map(function (e) {
						return el('tr', {}, el('td', { text: e.name }), el('td', { text: e.description }),
							el('td', { text: text(e.active) }), el('td', { text: text(e.queued) }));
					})),
					el('h2', { text: 'Runs per minute, last hour' }),
					bars(runs.perMinute, runs.errorsPerMinute, 'runs-chart'),
					el('p', { 'class': 'muted', text: 'Lateness p50 ' + text(late.p50) + ' ms, p90 ' + text(late.p90) + ' ms, p99 '
						+ text(late.p99) + ' ms, max ' + text(late.max) + ' ms. This instance remembers its last '
						+ runs.historyCapacity + ' runs' + (runs.historySince ? ', since ' + time(runs.historySince) : '') + '.' }),
					el('h2', { text: 'Fire times, next 24 hours (per hour)' }),
					bars(o.timeline.perHour, null, 'timeline-chart'),
					el('p', { 'class': 'muted', text: o.timeline.tasksRead + ' scheduled tasks read, earliest first'
						+ (o.timeline.partial ? '; more exist than were counted' : '') + '.' }));
			});
		}
	};

	pages.tasks = {
		render: function (params) {
			var storeSelect = el('select', { name: 'store', id: 'filter-store' },
				...config.stores.map(function (s) { return el('option', { value: s, text: s }); }));
			if (params.store) { storeSelect.value = params.store; }
			var statusSelect = el('select', { name: 'status', id: 'filter-status' },
				...['', 'scheduled', 'running', 'paused', 'failed', 'quarantined'].map(function (s) {
					return el('option', { value: s, text: s || 'any' });
				}));
			statusSelect.value = params.status || '';
			function input(name, label) {
				return el('label', {}, label, el('input', { name: name, id: 'filter-' + name, value: params[name] || '' }));
			}
			var form = el('form', { 'class': 'filters', id: 'task-filters', onsubmit: function (event) {
				event.preventDefault();
				var data = {};
				new FormData(form).forEach(function (value, key) { data[key] = value; });
				location.hash = '#/tasks?' + query(data);
			} }, el('label', {}, 'Store', storeSelect), el('label', {}, 'Status', statusSelect),
				input('idPrefix', 'Id starts with'), input('name', 'Name contains'), input('function', 'Function'),
				el('button', { type: 'submit', text: 'Search' }));
			view.replaceChildren(form, el('div', { id: 'task-list' }));
		},
		refresh: function (params) {
			var offset = Number(params.offset || 0);
			var limit = 25;
			return api('tasks?' + query(Object.assign({}, params, { limit: limit }))).then(function (page) {
				var rows = page.status === 'quarantined'
					? page.quarantined.map(function (q) {
						return el('tr', { 'class': 'quarantined-row', 'data-task-id': q.taskId },
							el('td', { text: q.taskId }), el('td', { text: q.reason }),
							el('td', { text: time(q.quarantinedAt) }),
							config.writesEnabled ? el('td', { 'class': 'actions' },
								el('button', { 'class': 'action-retry', text: 'Re-read', onclick: function () { actQuarantined(q, 'retry', 'Re-read'); } }),
								el('button', { 'class': 'action-delete danger', text: 'Delete', onclick: function () { actQuarantined(q, 'delete', 'Delete'); } }))
								: null);
					})
					: page.tasks.map(function (t) {
						return el('tr', { 'class': 'task-row', 'data-task-id': t.id },
							el('td', {}, el('a', { href: '#/task?id=' + encodeURIComponent(t.id), text: t.id })),
							el('td', { text: t.name }), el('td', { text: t.function }),
							el('td', { 'class': 'task-state', text: t.state }), el('td', { text: time(t.nextRunTime) }),
							el('td', { text: t.trigger }));
					});
				var headers = page.status === 'quarantined'
					? ['Id', 'Why it cannot be read', 'Since'].concat(config.writesEnabled ? ['Actions'] : [])
					: ['Id', 'Name', 'Function', 'State', 'Next run (UTC)', 'Trigger'];
				function go(to) {
					return function () { location.hash = '#/tasks?' + query(Object.assign({}, params, { offset: to })); };
				}
				document.getElementById('task-list').replaceChildren(table(headers, rows),
					el('div', { 'class': 'actions' },
						el('button', { id: 'page-prev', onclick: go(Math.max(0, offset - limit)), text: '← Previous' }),
						el('span', { 'class': 'muted', text: 'From ' + (offset + 1) + (page.complete ? '' : ' (the store stopped looking early: refine the filters)') }),
						el('button', { id: 'page-next', onclick: go(offset + limit), text: 'Next →' })));
				if (offset === 0) { document.getElementById('page-prev').setAttribute('disabled', 'disabled'); }
				else { document.getElementById('page-prev').removeAttribute('disabled'); }
			});
		}
	};

	function act(id, action, label) {
		if (!window.confirm(label + ' task ' + id + '?')) { return; }
		var path = action === 'delete' ? 'task?' + query({ id: id }) : 'task/' + action + '?' + query({ id: id });
		api(path, { method: action === 'delete' ? 'DELETE' : 'POST', headers: csrfHeaders() }).then(function () {
			if (action === 'delete') { location.hash = '#/tasks'; } else { poll(true); }
		}).catch(function (error) { window.alert(error.message); });
	}

	function actQuarantined(q, action, label) {
		if (!window.confirm(label + ' quarantined task ' + q.taskId + ' of store ' + q.store + '?')) { return; }
		var params = query({ store: q.store, id: q.taskId });
		api(action === 'delete' ? 'quarantine?' + params : 'quarantine/retry?' + params,
			{ method: action === 'delete' ? 'DELETE' : 'POST', headers: csrfHeaders() })
			.then(function () { poll(true); })
			.catch(function (error) { window.alert(error.message); });
	}

	pages.task = {
		render: function () { view.replaceChildren(el('div', { id: 'task-detail' })); },
		refresh: function (params) {
			return api('task?' + query({ id: params.id })).then(function (data) {
				var t = data.task;
				var actions = config.writesEnabled ? el('div', { 'class': 'actions', id: 'task-actions' },
					t.state === 'SCHEDULED' ? el('button', { id: 'action-pause', text: 'Pause', onclick: function () { act(t.id, 'pause', 'Pause'); } })
						: el('button', { id: 'action-resume', text: 'Resume', onclick: function () { act(t.id, 'resume', 'Resume'); } }),
					el('button', { id: 'action-run', text: 'Run now', onclick: function () { act(t.id, 'run', 'Run now'); } }),
					el('button', { id: 'action-delete', 'class': 'danger', text: 'Delete', onclick: function () { act(t.id, 'delete', 'Delete'); } }))
					: el('p', { 'class': 'muted', id: 'read-only-note', text: 'Read-only dashboard: no actions.' });
				var o = t.options;
				document.getElementById('task-detail').replaceChildren(
					el('h2', { text: 'Task ' + t.id }), actions,
					el('dl', {},
						el('dt', { text: 'Name' }), el('dd', { text: t.name }),
						el('dt', { text: 'State' }), el('dd', { id: 'task-state', text: t.state }),
						el('dt', { text: 'Function' }), el('dd', { text: t.function }),
						el('dt', { text: 'Store / executor' }), el('dd', { text: t.store + ' / ' + t.executor }),
						el('dt', { text: 'Trigger' }), el('dd', { text: t.trigger.description }),
						el('dt', { text: 'Arguments' }), el('dd', {}, el('pre', { text: JSON.stringify(t.args) + ' ' + JSON.stringify(t.kwargs) })),
						el('dt', { text: 'Options' }), el('dd', { text: 'coalesce ' + o.coalesce + ', max instances ' + o.maxInstances
							+ ', misfire ' + o.misfirePolicy + ' (grace ' + text(o.misfireGraceTime) + '), timeout ' + text(o.timeout)
							+ ', attempts ' + o.retry.maxAttempts }),
						el('dt', { text: 'Failure' }), el('dd', { text: t.failure ? t.failure.attempts + ' attempt(s): ' + t.failure.errorType + ': ' + text(t.failure.message) : '–' })),
					el('h2', { text: 'Next fire times (UTC)' }),
					el('ol', { id: 'next-fire-times' }, ...data.nextFireTimes.map(function (f) { return el('li', { text: time(f) }); })),
					el('h2', { text: 'Recent runs on this instance' }), runTable(data.runs));
			}, function (error) {
				if (error.status !== 404) { throw error; }
				// Its last run removed it (or someone deleted it): its runs are still worth
				// seeing.
				return api('runs?' + query({ taskId: params.id })).then(function (page) {
					document.getElementById('task-detail').replaceChildren(
						el('h2', { text: 'Task ' + params.id }),
						el('p', { id: 'task-gone', 'class': 'muted', text: 'No longer stored: its last run is over, or it was deleted.' }),
						el('h2', { text: 'Recent runs on this instance' }), runTable(page.runs));
				});
			});
		}
	};

	function runTable(runs) {
		return table(['Task', 'Function', 'Outcome', 'Fire time', 'Started', 'Duration', 'Late', 'Error'], runs.map(function (r) {
			return el('tr', { 'class': 'run-row', 'data-task-id': r.taskId, 'data-outcome': r.outcome },
				el('td', {}, el('a', { href: '#/task?id=' + encodeURIComponent(r.taskId), text: r.taskId })),
				el('td', { text: r.function }), el('td', { 'class': r.outcome === 'SUCCESS' ? 'ok' : 'bad', text: r.outcome }),
				el('td', { text: time(r.scheduledRunTime) }), el('td', { text: time(r.startedAt) }),
				el('td', { text: r.durationMillis === null ? '–' : r.durationMillis + ' ms' }),
				el('td', { text: r.latenessMillis === null ? '–' : r.latenessMillis + ' ms' }),
				el('td', {}, r.errorType ? el('pre', { text: r.errorType + ': ' + text(r.errorMessage) }) : '–'));
		}));
	}

	pages.runs = {
		render: function (params) {
			var outcome = el('select', { name: 'outcome', id: 'filter-outcome' },
				...['', 'SUCCESS', 'ERROR', 'MISSED', 'MAX_INSTANCES_REACHED'].map(function (s) { return el('option', { value: s, text: s || 'any' }); }));
			outcome.value = params.outcome || '';
			var form = el('form', { 'class': 'filters', onsubmit: function (event) {
				event.preventDefault();
				location.hash = '#/runs?' + query({ outcome: outcome.value, 'function': form.elements['function'].value });
			} }, el('label', {}, 'Outcome', outcome),
				el('label', {}, 'Function', el('input', { name: 'function', value: params['function'] || '' })),
				el('button', { type: 'submit', text: 'Filter' }));
			view.replaceChildren(form, el('div', { id: 'run-list' }));
		},
		refresh: function (params) {
			return api('runs?' + query(params)).then(function (page) {
				document.getElementById('run-list').replaceChildren(runTable(page.runs),
					el('p', { 'class': 'muted', text: 'The last ' + page.capacity + ' runs of this instance are kept in memory.' }));
			});
		}
	};

	// Live updates: poll the open page; after a failure wait twice as long, up to a minute.

	function poll(now) {
		clearTimeout(timer);
		var page = current;
		var run = function () {
			pages[page.page].refresh(page.params).then(function () {
				failures = 0;
				statusLine.className = '';
				statusLine.textContent = 'Updated ' + new Date().toLocaleTimeString();
			}).catch(function (error) {
				failures++;
				statusLine.className = 'error';
				statusLine.textContent = error.message + ' (retrying)';
			}).then(function () {
				if (current === page) {
					var delay = Math.min(60000, config.pollIntervalMillis * Math.pow(2, failures));
					timer = setTimeout(function () { poll(true); }, delay);
				}
			});
		};
		if (now) { run(); }
	}

	function show() {
		current = route();
		if (!pages[current.page]) { current = { page: 'overview', params: {} }; }
		document.querySelectorAll('nav a').forEach(function (a) {
			a.classList.toggle('active', a.id === 'nav-' + current.page);
		});
		pages[current.page].render(current.params);
		poll(true);
	}

	api('config').then(function (c) {
		config = c;
		document.getElementById('mode').textContent = c.writesEnabled ? 'writes enabled' : 'read-only';
		window.addEventListener('hashchange', show);
		show();
	}).catch(function (error) {
		statusLine.className = 'error';
		statusLine.textContent = 'Cannot load the dashboard: ' + error.message;
	});
})();
