/**
 * The drawing surface. Strokes are kept in a resolution-independent "logical" space 280 units high (280 wide for a
 * digit, 560 for a number, 840 for an expression: main.js's MODE_LOOK), so resizing the window or rotating a phone
 * never loses the drawing, and the exported image has the same size on every device. The visible canvas is scaled
 * by devicePixelRatio for sharp ink.
 *
 * Events (`change`, detail.reason): "drawing" while a stroke grows, "stroke" when one ends, "undo", "clear", "fit".
 */

export const LOGICAL_HEIGHT = 280;
const MIN_POINT_DISTANCE = 0.8;
const INK = '#111827';
/** Digital ink coordinates are sent to 1/100 of a logical unit and times to 1/10 ms: finer is noise. */
const COORDINATE_DECIMALS = 100;
const TIME_DECIMALS = 10;

export class Sketchpad extends EventTarget {
    #canvas;
    #context;
    #strokes = [];
    #active = null;
    #pointerId = null;
    #rect = null;
    #penWidth;
    #logicalWidth;
    #renderQueued = false;
    #version = 0;

    constructor(canvas, {penWidth, aspect}) {
        super();
        this.#canvas = canvas;
        this.#context = canvas.getContext('2d');
        this.#penWidth = penWidth;
        this.#logicalWidth = LOGICAL_HEIGHT * aspect;
        canvas.addEventListener('pointerdown', (event) => this.#onPointerDown(event));
        canvas.addEventListener('pointermove', (event) => this.#onPointerMove(event));
        canvas.addEventListener('pointerup', (event) => this.#onPointerEnd(event));
        canvas.addEventListener('pointercancel', (event) => this.#onPointerEnd(event));
        canvas.addEventListener('lostpointercapture', (event) => this.#onPointerEnd(event));
        new ResizeObserver(() => this.#resize()).observe(canvas);
        // Zooming or moving the window to another screen changes devicePixelRatio without resizing the element.
        window.addEventListener('resize', () => this.#resize());
        this.#resize();
    }

    /** Increases on every change of the drawing; recognition answers are matched against it. */
    get version() {
        return this.#version;
    }

    get isEmpty() {
        return this.#strokes.length === 0 && this.#active === null;
    }

    get isDrawing() {
        return this.#active !== null;
    }

    get logicalWidth() {
        return this.#logicalWidth;
    }

    set penWidth(width) {
        this.#penWidth = width;
    }

    /** Switches between square (1) and wide (2) drawing areas; strokes that would not fit are scaled down. */
    setAspect(aspect) {
        const width = LOGICAL_HEIGHT * aspect;
        if (width === this.#logicalWidth) {
            return;
        }
        const right = Math.max(0, ...this.#strokes.flatMap((s) => s.points.map((p) => p.x + s.width / 2)));
        this.#logicalWidth = width;
        if (right > width) {
            const scale = width / right;
            const offsetY = (LOGICAL_HEIGHT - LOGICAL_HEIGHT * scale) / 2;
            this.#strokes = this.#strokes.map((s) => ({
                width: s.width * scale,
                points: s.points.map((p) => ({...p, x: p.x * scale, y: p.y * scale + offsetY})),
            }));
            this.#changed('fit');
        }
        this.#resize();
    }

    undo() {
        if (this.#strokes.length === 0) {
            return;
        }
        this.#strokes.pop();
        this.#render();
        this.#changed('undo');
    }

    clear() {
        if (this.isEmpty) {
            return;
        }
        this.#strokes = [];
        this.#active = null;
        this.#pointerId = null;
        this.#render();
        this.#changed('clear');
    }

    /**
     * The drawing as a PNG data URL at logical size, black ink on white (what the user saw, and what MNIST-style
     * preprocessing expects after inversion; the server accepts transparent images too). Null when empty.
     */
    toDataUrl() {
        const strokes = this.#allStrokes();
        if (strokes.length === 0) {
            return null;
        }
        const canvas = document.createElement('canvas');
        canvas.width = this.#logicalWidth;
        canvas.height = LOGICAL_HEIGHT;
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        paint(context, strokes, '#000000');
        return canvas.toDataURL('image/png');
    }

    /**
     * The drawing as digital ink (the API's `ink` object): points in logical units with their time in milliseconds
     * since the drawing's first point, and the pen's pressure when a pen (not a mouse or finger, whose pressure is
     * a constant) drew them. A drawing with strokes of several pen widths is sent with their mean width weighted by
     * points, the ink format having one pen. Null when empty.
     */
    toInk() {
        const strokes = this.#allStrokes();
        if (strokes.length === 0) {
            return null;
        }
        const start = Math.min(...strokes.map((s) => s.points[0].t));
        let weighted = 0;
        let points = 0;
        for (const s of strokes) {
            weighted += s.width * s.points.length;
            points += s.points.length;
        }
        return {
            strokes: strokes.map((s) => ({
                points: s.points.map((p) => {
                    const point = [round(p.x, COORDINATE_DECIMALS), round(p.y, COORDINATE_DECIMALS),
                        round(p.t - start, TIME_DECIMALS)];
                    if (p.p !== undefined) {
                        point.push(round(p.p, COORDINATE_DECIMALS));
                    }
                    return point;
                }),
            })),
            width: this.#logicalWidth,
            height: LOGICAL_HEIGHT,
            penWidth: round(weighted / points, COORDINATE_DECIMALS),
        };
    }

    #allStrokes() {
        return this.#active ? [...this.#strokes, this.#active] : this.#strokes;
    }

    #onPointerDown(event) {
        const secondPointer = this.#pointerId !== null && event.pointerId !== this.#pointerId;
        if (secondPointer || (event.pointerType === 'mouse' && event.button !== 0)) {
            return;
        }
        event.preventDefault();
        // Drawing ends typing: keyboard shortcuts (digits, M, Enter) must not go into a text field any more.
        if (document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'text') {
            document.activeElement.blur();
        }
        this.#canvas.setPointerCapture(event.pointerId);
        this.#pointerId = event.pointerId;
        this.#rect = this.#canvas.getBoundingClientRect();
        this.#active = {width: this.#penWidth, points: [this.#toLogical(event)]};
        this.#queueRender();
        this.#changed('drawing');
    }

    #onPointerMove(event) {
        if (event.pointerId !== this.#pointerId || this.#active === null) {
            return;
        }
        event.preventDefault();
        const events = event.getCoalescedEvents?.() ?? [];
        let added = false;
        for (const each of events.length > 0 ? events : [event]) {
            added = this.#addPoint(this.#toLogical(each)) || added;
        }
        if (added) {
            this.#queueRender();
            this.#changed('drawing');
        }
    }

    #onPointerEnd(event) {
        if (event.pointerId !== this.#pointerId || this.#active === null) {
            return;
        }
        if (event.type === 'pointerup') {
            this.#addPoint(this.#toLogical(event));
        }
        this.#strokes.push(this.#active);
        this.#active = null;
        this.#pointerId = null;
        this.#render();
        this.#changed('stroke');
    }

    #addPoint(point) {
        const points = this.#active.points;
        const last = points[points.length - 1];
        if (Math.hypot(point.x - last.x, point.y - last.y) < MIN_POINT_DISTANCE) {
            return false;
        }
        points.push(point);
        return true;
    }

    #toLogical(event) {
        const rect = this.#rect;
        const x = ((event.clientX - rect.left) / rect.width) * this.#logicalWidth;
        const y = ((event.clientY - rect.top) / rect.height) * LOGICAL_HEIGHT;
        const point = {x: clamp(x, 0, this.#logicalWidth), y: clamp(y, 0, LOGICAL_HEIGHT), t: event.timeStamp};
        if (event.pointerType === 'pen') {
            point.p = event.pressure;
        }
        return point;
    }

    #changed(reason) {
        this.#version += 1;
        // Exposed so that the answer shown can be matched with the drawing it belongs to (see ResultView).
        this.#canvas.dataset.version = String(this.#version);
        this.dispatchEvent(new CustomEvent('change', {detail: {reason}}));
    }

    #resize() {
        const ratio = window.devicePixelRatio || 1;
        const {width, height} = this.#canvas.getBoundingClientRect();
        const pixelWidth = Math.max(1, Math.round(width * ratio));
        const pixelHeight = Math.max(1, Math.round(height * ratio));
        if (this.#canvas.width !== pixelWidth || this.#canvas.height !== pixelHeight) {
            this.#canvas.width = pixelWidth;
            this.#canvas.height = pixelHeight;
        }
        this.#render();
    }

    #queueRender() {
        if (!this.#renderQueued) {
            this.#renderQueued = true;
            requestAnimationFrame(() => {
                this.#renderQueued = false;
                this.#render();
            });
        }
    }

    #render() {
        const context = this.#context;
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
        context.setTransform(
            this.#canvas.width / this.#logicalWidth, 0, 0, this.#canvas.height / LOGICAL_HEIGHT, 0, 0);
        paint(context, this.#allStrokes(), INK);
    }
}

/** Draws strokes as quadratic curves through the midpoints of successive points, with round caps and joins. */
function paint(context, strokes, colour) {
    context.strokeStyle = colour;
    context.fillStyle = colour;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const {width, points} of strokes) {
        context.lineWidth = width;
        context.beginPath();
        if (points.length === 1) {
            context.arc(points[0].x, points[0].y, width / 2, 0, Math.PI * 2);
            context.fill();
            continue;
        }
        context.moveTo(points[0].x, points[0].y);
        for (let i = 1; i < points.length - 1; i++) {
            const midX = (points[i].x + points[i + 1].x) / 2;
            const midY = (points[i].y + points[i + 1].y) / 2;
            context.quadraticCurveTo(points[i].x, points[i].y, midX, midY);
        }
        const last = points[points.length - 1];
        context.lineTo(last.x, last.y);
        context.stroke();
    }
}

function round(value, scale) {
    return Math.round(value * scale) / scale;
}

function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
}
