/** Tiny DOM helpers: building elements without innerHTML keeps server-provided text from ever becoming markup. */

/**
 * Creates an element. `props` may hold attributes, `class`, `text`, `dataset` and `style` (an object of custom
 * properties and styles); children are nodes or strings.
 */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'class') {
            node.className = value;
        } else if (key === 'text') {
            node.textContent = value;
        } else if (key === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (key === 'style') {
            for (const [name, styleValue] of Object.entries(value)) {
                node.style.setProperty(name, styleValue);
            }
        } else {
            node.setAttribute(key, value === true ? '' : String(value));
        }
    }
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
}

/** Same as {@link el} for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes)) {
        node.setAttribute(key, String(value));
    }
    node.append(...children);
    return node;
}

export function byId(id) {
    const node = document.getElementById(id);
    if (!node) {
        throw new Error(`MathSketch page is missing #${id}`);
    }
    return node;
}

/** Formats a probability in 0..1 as a percentage with one decimal ("99.8 %"), never rounding up to 100 %. */
export function percent(probability) {
    const value = probability * 100;
    if (value > 0 && value < 0.1) {
        return '<0.1\u00a0%';
    }
    if (value >= 99.95 && value < 100) {
        return '>99.9\u00a0%';
    }
    return `${value.toFixed(1)}\u00a0%`;
}
