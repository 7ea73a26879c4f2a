// Copies the SVG/PNG icons next to the compiled nodes and credentials, where their `file:` paths point.
const { src, dest, parallel } = require('gulp');

function icons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = icons;
exports.default = parallel(icons);
